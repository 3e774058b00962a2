# Warnings for our own targets only; third-party headers are included as SYSTEM.
add_library(negograph_warnings INTERFACE)
target_compile_options(negograph_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wno-missing-field-initializers)
if(NEGOGRAPH_WERROR)
  target_compile_options(negograph_warnings INTERFACE -Werror)
endif()

if(NEGOGRAPH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Every library folder uses this: the repository root is the include root, so
# includes read "graph/model.h", "ingest/extractor.h".
function(negograph_library name)
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE negograph_warnings)
endfunction()
