# The Debian package of the native tree (scripts/package.sh runs cpack on it):
#   /usr/bin/muamala-server                   the server, with the web client inside it
#   /usr/lib/systemd/system/muamala.service   the service (deploy/systemd/muamala.service)
#   /etc/default/muamala                      its options, a conffile the host's administrator owns
# Runtime dependencies are read off the binary by dpkg-shlibdeps, so they follow the libraries it
# was really linked with.
install(TARGETS muamala-server RUNTIME DESTINATION bin COMPONENT server)
install(FILES "${PROJECT_SOURCE_DIR}/deploy/systemd/muamala.service"
        DESTINATION lib/systemd/system COMPONENT server)
install(FILES "${PROJECT_SOURCE_DIR}/deploy/systemd/muamala.default"
        DESTINATION /etc/default RENAME muamala COMPONENT server)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME muamala)
set(CPACK_PACKAGE_VENDOR "Muamala")
set(CPACK_PACKAGE_CONTACT "Muamala maintainers <maintainers@muamala.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "At-home residency and licence transactions for Kuwaiti families (server and web client)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd")
# /etc/default/muamala is the administrator's: an upgrade keeps their edits.
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/deploy/systemd/conffiles")
include(CPack)
