# Warnings and hardening applied to every target we own (not to Qt's generated code).
function(companion_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
        $<$<BOOL:${COMPANION_WERROR}>:-Werror>)
    # Patient text must never reach a log by accident: no implicit QString conversions from char*.
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
endfunction()
