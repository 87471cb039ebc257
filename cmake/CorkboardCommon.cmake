# One INTERFACE target carries warnings and Qt strictness for every Corkboard target.
add_library(corkboard_common INTERFACE)
target_compile_options(corkboard_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor
    $<IF:$<CXX_COMPILER_ID:GNU>,-Wshadow=local,-Wshadow-uncaptured-local>)
if(CORKBOARD_WERROR)
    target_compile_options(corkboard_common INTERFACE -Werror)
endif()
target_compile_definitions(corkboard_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    CORKBOARD_VERSION="${PROJECT_VERSION}")
if(CORKBOARD_SANITIZE)
    # ASan + UBSan. Undefined behaviour stops the program (no recovery), so a test cannot pass
    # over it. GCC's -fsanitize=undefined leaves out float-cast-overflow (1e300 → qint64): add it.
    set(CORKBOARD_SANITIZERS address,undefined)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        string(APPEND CORKBOARD_SANITIZERS ",float-cast-overflow")
    endif()
    target_compile_options(corkboard_common INTERFACE -fsanitize=${CORKBOARD_SANITIZERS}
        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(corkboard_common INTERFACE -fsanitize=${CORKBOARD_SANITIZERS})
    # What every sanitized program (tests and the worker processes they start) runs with:
    # leaks are reported except the suppressed ones of Qt and system libraries, see the file.
    set(CORKBOARD_SANITIZER_ENV
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0:check_initialization_order=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=${CMAKE_SOURCE_DIR}/tests/sanitizers/ubsan.supp"
        "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0")
endif()
if(CORKBOARD_FUZZ)
    # Coverage feedback for libFuzzer in every library the harnesses link (the same tree also
    # builds the tests: the sanitizer runtime supplies the coverage hooks there).
    target_compile_options(corkboard_common INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(CORKBOARD_COVERAGE)
    target_compile_options(corkboard_common INTERFACE --coverage)
    target_link_options(corkboard_common INTERFACE --coverage)
endif()

# corkboard_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>])
# One test file is one executable is one CTest entry.
function(corkboard_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE corkboard_common Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set(T_ENV "QT_QPA_PLATFORM=offscreen" "CORKBOARD_BINARY=$<TARGET_FILE:corkboard>"
        ${CORKBOARD_SANITIZER_ENV})
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${T_ENV}")
    if(T_LABELS)
        set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()

# Release builds (what the .deb ships) get the hardening Debian's own packages are built with
# (dpkg-buildflags, hardening=+all): lintian checks the binary for fortify, RELRO and BIND_NOW.
# Only for Release, so the test builds keep their flags (and their ccache entries).
include(CheckCXXCompilerFlag)
check_cxx_compiler_flag(-fcf-protection CORKBOARD_HAVE_CF_PROTECTION)
set(CORKBOARD_RELEASE_HARDENING
    -fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security)
if(CORKBOARD_HAVE_CF_PROTECTION)
    list(APPEND CORKBOARD_RELEASE_HARDENING -fcf-protection)
endif()
target_compile_options(corkboard_common INTERFACE
    "$<$<CONFIG:Release>:${CORKBOARD_RELEASE_HARDENING}>")
target_compile_definitions(corkboard_common INTERFACE $<$<CONFIG:Release>:_FORTIFY_SOURCE=2>)
target_link_options(corkboard_common INTERFACE "$<$<CONFIG:Release>:-Wl,-z,relro;-Wl,-z,now>")
