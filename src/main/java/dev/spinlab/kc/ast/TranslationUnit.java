package dev.spinlab.kc.ast;

import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.type.CType;
import java.util.List;
import java.util.Map;

/**
 * One parsed and typed C file.
 *
 * @param file the main file's name as given
 * @param globals variable definitions, in order (extern declarations without definition are not here)
 * @param functions function definitions, in order
 * @param declarations every file-scope name declared (functions and extern variables) with its type,
 *        for linking and for calls to functions defined elsewhere (intrinsics, other files)
 * @param diagnostics warnings and notes (gcc's), in order
 * @param sources the text of every file read, for rendering diagnostics
 */
public record TranslationUnit(String file, List<GlobalVar> globals, List<FunctionDef> functions,
                              Map<String, CType> declarations, List<Diagnostic> diagnostics,
                              SourceMap sources) {}
