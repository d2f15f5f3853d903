// Everything a plugin author needs, in one include. Each header also stands alone.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/lead_policy.hpp>
#include <tandem/money.hpp>
#include <tandem/params.hpp>
#include <tandem/pay_plan.hpp>
#include <tandem/plugin.hpp>
#include <tandem/random.hpp>
#include <tandem/version.hpp>
#include <tandem/views.hpp>
