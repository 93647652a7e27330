# Build hardening for every target, ours and Qt's generated code alike (issue 8, item 7).
# The binaries are checked after the build by scripts/check-hardening.sh (ctest build_hardening):
#   PIE               ASLR for the executable itself, not only for its libraries
#   full RELRO        -z relro -z now: the GOT is resolved at start and made read-only, so a
#                     memory-corruption bug cannot redirect a library call through it
#   stack protector   -fstack-protector-strong: canaries in every function with a local array or
#                     address-taken local (references __stack_chk_fail)
#   FORTIFY_SOURCE=2  bounds-checked memcpy/snprintf/… where the size is known (the *_chk
#                     functions); needs optimisation, so Debug builds (-O0) leave it out rather
#                     than trip glibc's warning under -Werror
# Sanitizer and fuzz builds turn this off (COMPANION_HARDENING=OFF): ASan replaces the same
# checks with stronger ones, and FORTIFY's wrappers hide accesses from it.
option(COMPANION_HARDENING "PIE, full RELRO, stack protector and FORTIFY_SOURCE" ON)

if(COMPANION_HARDENING)
    include(CheckPIESupported)
    check_pie_supported(LANGUAGES C CXX)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    add_compile_options(-fstack-protector-strong)
    # -U first: some toolchains (Ubuntu's gcc) already define it, and a redefinition warns.
    add_compile_options("$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
    # ELF only: Apple's linker (iOS builds, ADR 0020) has no -z and makes the GOT read-only itself.
    if(NOT APPLE)
        add_link_options(-Wl,-z,relro,-z,now)
    endif()
endif()
