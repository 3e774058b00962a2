# All third-party dependencies come from Debian packages (see scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(RocksDB REQUIRED CONFIG)
find_package(Boost 1.74 REQUIRED)  # Boost.Graph is header-only
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
find_library(XXHASH_LIBRARY xxhash REQUIRED)
add_library(negograph_xxhash INTERFACE)
target_include_directories(negograph_xxhash INTERFACE ${XXHASH_INCLUDE_DIR})
target_link_libraries(negograph_xxhash INTERFACE ${XXHASH_LIBRARY})

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(negograph_stemmer INTERFACE)
target_include_directories(negograph_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(negograph_stemmer INTERFACE ${STEMMER_LIBRARY})

find_package(ICU 70 REQUIRED COMPONENTS uc)
