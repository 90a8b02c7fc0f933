# cmake --install: the shared library, its public headers, a CMake package
# (find_package(XapianArabic) -> XapianArabic::xapian_arabic) and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS xapian_arabic EXPORT XapianArabicTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/analyzers/include/ ${PROJECT_SOURCE_DIR}/plugin/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/config/ DESTINATION ${CMAKE_INSTALL_DATADIR}/xapian-arabic)

set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/XapianArabic)
install(EXPORT XapianArabicTargets NAMESPACE XapianArabic:: DESTINATION ${cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/XapianArabicConfig.cmake.in
  ${PROJECT_BINARY_DIR}/XapianArabicConfig.cmake INSTALL_DESTINATION ${cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/XapianArabicConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/XapianArabicConfig.cmake ${PROJECT_BINARY_DIR}/XapianArabicConfigVersion.cmake
        DESTINATION ${cmake_dir})

# Relocatable: the .pc file finds the prefix from its own location, so
# `cmake --install --prefix X` works whatever prefix was configured.
file(RELATIVE_PATH pc_to_prefix "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" pc_to_prefix "${pc_to_prefix}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/xapian-arabic.pc.in ${PROJECT_BINARY_DIR}/xapian-arabic.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/xapian-arabic.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
