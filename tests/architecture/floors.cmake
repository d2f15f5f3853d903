# The floors of the core, bottom first: a folder may include its own headers and those of
# any folder on a floor below it, never one on its own floor or above. config/ and engine/
# share a floor so that neither reaches the other: the engine reads model::Scenario, never
# the YAML it came from. docs/architecture.md
# draws the same list; check_floors.cmake holds the code to it.
#   floor  folders               library (core/CMakeLists.txt)
set(TANDEM_FLOORS
  "model"                 # 1: the vocabulary: scenario structs, result types, catalogue
  "common,stats"          # 2: small helpers; statistics
  "data"                  # 3: data from outside: CSV, period labels, credited results
  "plugins"               # 4: the plugin loader and the guarded calls
  "config,engine"         # 5: YAML -> model::Scenario; the funnel, payroll, the executor
  "experiments"           # 6: analytic estimate, earnings curves, sweep grids
  "output"                # 7: every artefact format
  "report,history"        # 8: report.html; the run history
  "study"                 # 9: the workflows as library calls
  "cli")                  # 10: the `tandem` program
# The library each folder builds (the program, for cli/).
set(TANDEM_FLOOR_TARGET_model tandem_model)
set(TANDEM_FLOOR_TARGET_common tandem_common)
set(TANDEM_FLOOR_TARGET_stats tandem_stats)
set(TANDEM_FLOOR_TARGET_data tandem_data)
set(TANDEM_FLOOR_TARGET_plugins tandem_plugin_loader)
set(TANDEM_FLOOR_TARGET_config tandem_config)
set(TANDEM_FLOOR_TARGET_engine tandem_sim)
set(TANDEM_FLOOR_TARGET_experiments tandem_experiments)
set(TANDEM_FLOOR_TARGET_output tandem_output)
set(TANDEM_FLOOR_TARGET_report tandem_report)
set(TANDEM_FLOOR_TARGET_history tandem_history)
set(TANDEM_FLOOR_TARGET_study tandem_study)
set(TANDEM_FLOOR_TARGET_cli tandem)
