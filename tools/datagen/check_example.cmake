# Regenerates examples/retail/customers.csv with the default flags and fails
# unless the bytes equal the committed file (run by CTest, see CMakeLists.txt).
execute_process(COMMAND ${DATAGEN} -o ${ACTUAL} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "segc-datagen failed with ${status}")
endif()
file(SHA256 ${EXPECTED} expected_hash)
file(SHA256 ${ACTUAL} actual_hash)
if(NOT expected_hash STREQUAL actual_hash)
  message(FATAL_ERROR "${ACTUAL} differs from ${EXPECTED}: regenerate it with the command in "
                      "examples/retail/README.md, or find what made the output change")
endif()
