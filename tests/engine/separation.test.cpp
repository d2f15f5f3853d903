// Separation: MQL precision, recall and the AUC of a policy's score, against known cases.
#include "engine/separation.hpp"

#include <catch2/catch.hpp>

using tandem::Separation;

TEST_CASE("a score that ranks every good lead above every bad one has an AUC of 1", "[engine]") {
  Separation s;
  for (int i = 0; i < 10; ++i) s.add(80 + i, true, true);
  for (int i = 0; i < 30; ++i) s.add(10 + i, false, false);
  CHECK(s.auc() == 1.0);
  CHECK(s.precision() == 1.0);
  CHECK(s.recall() == 1.0);
}

TEST_CASE("ties count half and a reversed score has an AUC of 0", "[engine]") {
  Separation tied;
  tied.add(50, true, true);
  tied.add(50, false, true);
  CHECK(tied.auc() == 0.5);
  CHECK(tied.precision() == 0.5);

  Separation reversed;
  reversed.add(20, true, false);
  reversed.add(90, false, true);
  CHECK(reversed.auc() == 0.0);
  CHECK(reversed.recall() == 0.0);
}

TEST_CASE("AUC is the share of good-bad pairs ranked right", "[engine]") {
  // Good leads at 30 and 70, bad at 20, 50 and 80: of the 6 pairs, 30 beats 20; 70 beats
  // 20 and 50: 3 of 6 right. Two MQLs (70 and 80): one good, so precision 1/2; one of two
  // good leads made MQL, so recall 1/2.
  Separation s;
  s.add(30, true, false);
  s.add(70, true, true);
  s.add(20, false, false);
  s.add(50, false, false);
  s.add(80, false, true);
  CHECK(s.auc() == Approx(3.0 / 6.0));
  CHECK(s.precision() == 0.5);
  CHECK(s.recall() == 0.5);
  // No decisions, or only one class: a coin toss, not a division by zero.
  CHECK(Separation().auc() == 0.5);
  CHECK(Separation().precision() == 0.0);
}
