# A folder where the scenario file should be (see a-folder/README.md).
validate a-folder
