"""The mtfix language server (``mtfix server``): live diagnostics and quick fixes in any LSP editor.

:mod:`~mtfix.lsp.server` (pygls features), :mod:`~mtfix.lsp.diagnostics`
(findings → diagnostics), :mod:`~mtfix.lsp.actions` (code actions),
:mod:`~mtfix.lsp.glossary` (the glossary action), :mod:`~mtfix.lsp.workspace`
(configuration, pipelines, LanguageTool) and :mod:`~mtfix.lsp.positions`
(UTF-16 positions).  See docs/editors.md.
"""
