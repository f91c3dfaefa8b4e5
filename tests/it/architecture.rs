//! The import rule of `docs/architecture.md`, checked on the sources so it
//! cannot silently rot: `cli` → `commands` → the flows in `src/flows/`
//! (`wizard` and `lost`, then `phone_check` and `safe_save`) → the core. An
//! import that runs back up, a cycle between modules, one command importing
//! another, or one flow importing another of its level fails this test; and
//! the map in `docs/architecture.md` names every file in `src/`.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

/// The layers from the top; every other top-level module is the core (0).
/// A flow is named without its folder: `flows::wizard` is `wizard`.
const LAYERS: &[(&str, u8)] = &[
    ("cli", 4),
    ("commands", 3),
    ("wizard", 2),
    ("phone_check", 1),
    ("safe_save", 1),
    ("lost", 2),
];

/// Files in `commands/` that sit above the single commands: the dispatch
/// and the menu may use any command; a command may use only the options
/// they all share.
const COMMAND_HUBS: &[&str] = &["mod", "menu"];
const COMMAND_SHARED: &str = "options";

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map_or(0, |(_, level)| *level)
}

/// The folder whose modules are each a node of their own (the flows).
const FLOWS: &str = "flows";

/// The module a file or a `crate::` path belongs to: its first segment, or
/// the second inside `src/flows/`.
fn module_of(path: &[String]) -> String {
    match path {
        [folder, flow, ..] if folder == FLOWS && flow != "mod" => flow.clone(),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code a file ships: comments and the unit tests left out.
fn shipped_code(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The text of the `{…}` group at the start of `text`, without the braces.
fn group(text: &str) -> &str {
    let mut depth = 0;
    for (index, ch) in text.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &text[1..index];
                }
            }
            _ => {}
        }
    }
    &text[1..]
}

/// Every path (as its segments) that `tree` names after `prefix`:
/// `a::{b, c::{d}}` gives `a::b` and `a::c::d`.
fn expand(prefix: &[String], tree: &str, paths: &mut Vec<Vec<String>>) {
    let mut depth = 0;
    let mut start = 0;
    let mut items = Vec::new();
    for (index, ch) in tree.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&tree[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    items.push(&tree[start..]);
    for item in items {
        let mut rest = item.trim();
        let mut path = prefix.to_vec();
        loop {
            if rest.starts_with('{') {
                expand(&path, group(rest), paths);
                break;
            }
            let name = ident(rest);
            if name.is_empty() {
                if path.len() > prefix.len() {
                    paths.push(path);
                }
                break;
            }
            if name != "self" {
                path.push(name.to_owned());
            }
            rest = rest[name.len()..].trim_start();
            match rest.strip_prefix("::") {
                Some(after) => rest = after.trim_start(),
                None => {
                    paths.push(path);
                    break;
                }
            }
        }
    }
}

/// Every `crate::…` path a file's shipped code names.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        if code[..at].ends_with('$') || code[..at].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &code[from..];
        let end = rest.find(';').unwrap_or(rest.len()).min(
            // An inline path ends at the first character a path cannot hold.
            rest.find(|c: char| !(c.is_alphanumeric() || "_:{}, \n\t".contains(c)))
                .unwrap_or(rest.len()),
        );
        expand(&[], &rest[..end], &mut paths);
    }
    paths
}

/// One import of `file` that breaks the rule, described.
fn violations(src: &Path) -> (Vec<String>, BTreeMap<String, BTreeSet<String>>) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        let top = module_of(&parts);
        if top == "lib" || top == "main" {
            continue;
        }
        let code = shipped_code(&fs::read_to_string(&file).unwrap());
        for path in crate_paths(&code) {
            let target = &module_of(&path);
            let shown = format!("{}: crate::{}", relative.display(), path.join("::"));
            if *target == FLOWS {
                wrong.push(format!("{shown} (names the flows' folder, not a flow)"));
            } else if *target != top {
                graph.entry(top.clone()).or_default().insert(target.clone());
                if layer(target) > layer(&top) {
                    wrong.push(format!("{shown} (runs back up: {top} → {target})"));
                } else if layer(&top) == layer(target) && layer(&top) > 0 {
                    wrong.push(format!(
                        "{shown} (one flow imports another of its level: {top} → {target})"
                    ));
                }
            } else if top == "commands" && parts.len() > 1 && path.len() > 1 {
                let me = &parts[1];
                let sibling = &path[1];
                let is_module =
                    fs::metadata(src.join("commands").join(format!("{sibling}.rs"))).is_ok();
                if is_module
                    && sibling != me
                    && sibling != COMMAND_SHARED
                    && !COMMAND_HUBS.contains(&me.as_str())
                {
                    wrong.push(format!(
                        "{shown} (one command imports another: {me} → {sibling})"
                    ));
                }
            }
        }
    }
    (wrong, graph)
}

/// The cycles between top-level modules, each as a path that returns.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            found.push(cycle.join(" → "));
            return;
        }
        if !done.insert(node.to_owned()) {
            return;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done, found);
        }
        stack.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn imports_run_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (wrong, graph) = violations(&src);
    let cycles = cycles(&graph);
    assert!(
        wrong.is_empty() && cycles.is_empty(),
        "imports that break the rule of docs/architecture.md:\n  {}\ncycles:\n  {}",
        wrong.join("\n  "),
        cycles.join("\n  ")
    );
    // The rule is about real imports: the checker sees them.
    assert!(graph["commands"].contains("vault"), "{graph:?}");
    assert!(graph["wizard"].contains("phone_check"), "{graph:?}");
}

#[test]
fn the_checker_reads_grouped_and_inline_imports() {
    let code = "use crate::{\n    commands::{self, options::Context},\n    fl,\n};\nlet x = crate::wizard::Wizard::new();\n$crate::i18n::LOADER";
    let paths: Vec<String> = crate_paths(code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "commands",
            "commands::options::Context",
            "fl",
            "wizard::Wizard::new"
        ]
    );
}

/// The paths `docs/architecture.md` names in backticks, with its groups
/// spelt out: `src/commands/{add,list}.rs` names `src/commands/add.rs` and
/// `src/commands/list.rs`; "`src/a.rs`, `src/b.rs`" names both.
fn mapped_paths(doc: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (index, quoted) in doc.split('`').enumerate() {
        if index % 2 == 0 || !quoted.starts_with("src/") {
            continue;
        }
        match (quoted.find('{'), quoted.find('}')) {
            (Some(open), Some(close)) if open < close => {
                for name in quoted[open + 1..close].split(',') {
                    found.insert(format!(
                        "{}{}{}",
                        &quoted[..open],
                        name.trim(),
                        &quoted[close + 1..]
                    ));
                }
            }
            _ => {
                found.insert(quoted.to_owned());
            }
        }
    }
    found
}

#[test]
fn the_map_names_every_file_in_src_and_nothing_else() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let (folders, mapped): (BTreeSet<String>, BTreeSet<String>) = mapped_paths(&doc)
        .into_iter()
        .partition(|p| p.ends_with('/'));
    for folder in &folders {
        assert!(
            root.join(folder).is_dir(),
            "docs/architecture.md names {folder}, which is not a folder"
        );
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let actual: BTreeSet<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let unmapped: Vec<_> = actual.difference(&mapped).collect();
    let gone: Vec<_> = mapped.difference(&actual).collect();
    assert!(
        unmapped.is_empty() && gone.is_empty(),
        "docs/architecture.md is out of step with src/:\n  not on the map: {unmapped:?}\n  on the map, not in src/: {gone:?}"
    );
}

#[test]
fn the_map_reader_spells_out_groups() {
    let doc = "`src/a.rs`, `src/b/{c,d}.rs` and `cargo test` and `src/e/`";
    let paths: Vec<String> = mapped_paths(doc).into_iter().collect();
    assert_eq!(paths, ["src/a.rs", "src/b/c.rs", "src/b/d.rs", "src/e/"]);
}

/// CI type-checks one macOS target (`.ci/run`): that holds while no code
/// depends on the architecture, only on the system.
#[test]
fn no_code_depends_on_the_architecture() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let with_arch: Vec<_> = files
        .iter()
        .filter(|file| shipped_code(&fs::read_to_string(file).unwrap()).contains("target_arch"))
        .collect();
    assert!(
        with_arch.is_empty(),
        "{with_arch:?}: check every macOS target in .ci/run"
    );
}
