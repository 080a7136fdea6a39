"""The import graph of ``mtfix/``: no cycles, and the core never imports the front ends.

Every module's imports are read with ``ast`` (module-level and function-level
ones, but not those under ``if TYPE_CHECKING:``, which never run).  ``from
a.b import c`` counts as importing ``a.b.c`` when that is a module, else
``a.b``; a package's ``__init__`` counts only when it is named.  A cycle is a
strongly connected component of more than one module, and the failure prints
one concrete cycle per component with the file and line of each import.
"""

from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent / "mtfix"

Graph = dict[str, dict[str, int]]  # module -> {imported module: line of the first such import}


def module_files(root: Path = PACKAGE_DIR) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    out: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Import statements anywhere under ``node`` except in ``if TYPE_CHECKING:`` bodies."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Import | ast.ImportFrom):
            found.append(n)
            continue
        if isinstance(n, ast.If) and _is_type_checking(n.test):
            stack.extend(n.orelse)
            continue
        stack.extend(ast.iter_child_nodes(n))
    return found


def _base(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    parts = parts[: len(parts) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def import_graph(root: Path = PACKAGE_DIR) -> Graph:
    """Edges between the package's own modules, with the line of the import."""
    files = module_files(root)
    top = root.name
    graph: Graph = {name: {} for name in files}

    def add(src: str, target: str, line: int) -> None:
        if target in files and target != src:
            graph[src].setdefault(target, line)

    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _runtime_imports(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == top or alias.name.startswith(top + "."):
                        add(name, alias.name, node.lineno)
                continue
            base = _base(name, path.name == "__init__.py", node)
            if base != top and not base.startswith(top + "."):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                add(name, sub if sub in files else base, node.lineno)
    return graph


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative), each sorted, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop(0)
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                components.append(sorted(component))
    return sorted(components, key=lambda c: (-len(c), c))


def shortest_cycle(graph: Graph, component: list[str]) -> list[str]:
    """A shortest cycle through the component's first module, staying inside the component."""
    members = set(component)
    start = component[0]
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph[node]):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # pragma: no cover - a component of more than one module always has a cycle


def describe_cycles(graph: Graph) -> list[str]:
    """Per import cycle, one shortest cycle (``a (mtfix/a.py:12) -> b (mtfix/b.py:3) -> a``)
    and every import between the modules of its component."""
    files = module_files()

    def where(a: str, b: str) -> str:
        path = files[a].relative_to(PACKAGE_DIR.parent) if a in files else a
        return f"{path}:{graph[a][b]}"

    lines = []
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue
        cycle = shortest_cycle(graph, component)
        hops = [f"{a} ({where(a, b)})" for a, b in zip(cycle, cycle[1:], strict=False)]
        lines.append(f"cycle among {len(component)} modules: " + " -> ".join([*hops, cycle[-1]]))
        lines.extend(
            f"    {a} -> {b} ({where(a, b)})" for a in component for b in sorted(graph[a]) if b in component
        )
    return lines


def test_the_graph_sees_module_and_function_level_imports_but_not_type_checking_ones() -> None:
    graph = import_graph()
    assert "mtfix.model" in graph["mtfix.checks.source_target"]  # module level
    assert "mtfix.text.lexicon" in graph["mtfix.checks.source_target"]  # inside a function
    assert "mtfix.rules.pack" not in graph["mtfix.rules.detectors.registry"]  # under TYPE_CHECKING
    assert "mtfix.rules.detectors.capitals" in graph["mtfix.rules.detectors"]  # from package import module


def test_cycle_finder_finds_a_planted_cycle() -> None:
    graph: Graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3, "d": 4}, "d": {}}
    assert strongly_connected(graph)[0] == ["a", "b", "c"]
    assert shortest_cycle(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]


FRONT_ENDS = ("mtfix.cli", "mtfix.report", "mtfix.review", "mtfix.lsp", "mtfix.integrations", "mtfix.__main__")


def test_the_core_does_not_import_the_front_ends() -> None:
    """Commands, reports, the review report, the language server and integrations sit on top."""
    graph = import_graph()
    wrong = [f"{a} -> {b} (line {line})" for a, edges in sorted(graph.items()) for b, line in sorted(edges.items())
             if b.startswith(FRONT_ENDS) and not a.startswith(FRONT_ENDS)]
    assert not wrong, "the core imports a front end:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    cycles = describe_cycles(import_graph())
    assert not cycles, "import cycles in mtfix/:\n" + "\n".join(cycles)


def test_every_folder_of_code_is_a_regular_package() -> None:
    """A folder of modules without ``__init__.py`` is a namespace package: pytest's doctest collection
    then imports its modules a second time under a shorter name (``detectors.repetition``), and the
    second copy's ``@detector`` functions replace the first's in the registry (session 16: a test that
    switched off a predicate of the first copy saw no change)."""
    missing = [str(d.relative_to(PACKAGE_DIR.parent)) for d in sorted({p.parent for p in PACKAGE_DIR.rglob("*.py")})
               if "__pycache__" not in d.parts and not (d / "__init__.py").exists()]
    assert missing == []
