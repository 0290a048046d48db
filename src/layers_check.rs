//! The layer check of ARCHITECTURE.md: every `crate::<module>` path in `src/` (in `use` lines and
//! in code) points to a module of its own layer or of a layer below, or is one of today's upward
//! edges listed in [`ALLOWED_UPWARD`]. The list may only shrink: an edge that is no longer in the
//! code fails the check until its entry is removed.
//!
//! Comments and string literals are not read. `super::` paths are not followed: by convention a
//! path that leaves its top-level module is written `crate::…`. `main.rs` is the binary, above
//! every layer, and is not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first (the same list as ARCHITECTURE.md). A module may use the modules of
/// its own layer and of the layers below it.
const LAYERS: &[&[&str]] = &[
    // The data model, and helpers that depend on nothing above it.
    &["model", "text", "citation", "sanitize", "private"],
    &["corpus"],
    &["extract"],
    // Running the stages: the pipeline, the cache it reads and fills, and their instruments.
    &["pipeline", "cache", "shard", "progress", "memory"],
    &["kept", "bindings"],
    &["export", "config"],
    &["brief", "tui"],
    &["cli"],
];

/// Today's upward edges, as (file under `src/`, module it uses). Each one is a debt: remove its
/// entry when the edge goes; do not add entries.
const ALLOWED_UPWARD: &[(&str, &str)] = &[];

/// Files under `src/` that are no module of a layer.
const NOT_CHECKED: &[&str] = &["lib.rs", "main.rs", "diagnostics.rs", "layers_check.rs"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|x| x == "rs") {
            into.push(path);
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `source` with comments and the contents of string and char literals blanked out (line breaks
/// kept, so line numbers stay true).
fn code_only(source: &str) -> String {
    let s: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let starts_token = i == 0 || !is_ident(s[i - 1]);
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < s.len() {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, s[i]);
                    i += 1;
                }
            }
        } else if c == '"' {
            i += 1;
            while i < s.len() && s[i] != '"' {
                if s[i] == '\\' {
                    i += 1;
                }
                if let Some(&c) = s.get(i) {
                    blank(&mut out, c);
                }
                i += 1;
            }
            i += 1;
        } else if c == 'r'
            && (starts_token || (i >= 1 && s[i - 1] == 'b' && (i == 1 || !is_ident(s[i - 2]))))
            && matches!(next, Some('#' | '"'))
        {
            // A raw string `r#"…"#` (a `#` after `r` that no `"` follows is `r#ident`).
            let hashes = s[i + 1..].iter().take_while(|&&c| c == '#').count();
            if s.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            let closes =
                |at: usize| s[at] == '"' && (1..=hashes).all(|k| s.get(at + k) == Some(&'#'));
            while i < s.len() && !closes(i) {
                blank(&mut out, s[i]);
                i += 1;
            }
            i += 1 + hashes;
        } else if c == '\'' && next == Some('\\') {
            // An escaped char literal: '\n', '\'', '\u{1F600}'.
            i += 2;
            while i < s.len() && s[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && s.get(i + 2) == Some(&'\'') {
            i += 3;
        } else {
            // Code, including a lifetime's `'`.
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The top-level modules that `crate::` paths in `code` name, each with the first line naming it.
fn crate_references(code: &str) -> BTreeMap<String, usize> {
    let s: Vec<char> = code.chars().collect();
    let ident_at = |mut at: usize| {
        while s.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        let end = (at..s.len()).find(|&k| !is_ident(s[k])).unwrap_or(s.len());
        (s[at..end].iter().collect::<String>(), end)
    };
    let mut found = BTreeMap::new();
    let mut line = 1;
    for i in 0..s.len() {
        if s[i] == '\n' {
            line += 1;
        }
        let preceded = i > 0 && (is_ident(s[i - 1]) || s[i - 1] == '$' || s[i - 1] == ':');
        if preceded || !s[i..].starts_with(&['c', 'r', 'a', 't', 'e', ':', ':']) {
            continue;
        }
        let mut at = i + 7;
        while s.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        let mut names = Vec::new();
        if s.get(at) == Some(&'{') {
            // `crate::{a::X, b}`: the first name of each item at the group's own depth.
            let mut depth = 0;
            let mut item_start = true;
            for (k, &c) in s.iter().enumerate().skip(at) {
                match c {
                    '{' => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && depth == 1 && !c.is_whitespace() => {
                        item_start = false;
                        names.push(ident_at(k).0);
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident_at(at).0);
        }
        for name in names {
            if !name.is_empty() && name != "self" {
                found.entry(name).or_insert(line);
            }
        }
    }
    found
}

#[test]
fn modules_use_only_their_own_layer_and_the_layers_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    let mut upward = BTreeSet::new();
    for path in &files {
        let relative: Vec<String> = path
            .strip_prefix(&src)
            .expect("a file under src/")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let file = relative.join("/");
        if NOT_CHECKED.contains(&file.as_str()) {
            continue;
        }
        let module = relative[0].trim_end_matches(".rs").to_string();
        let Some(from) = layer_of(&module) else {
            problems.push(format!(
                "src/{file}: module `{module}` has no layer: add it to LAYERS in \
                 src/layers_check.rs and to ARCHITECTURE.md"
            ));
            continue;
        };
        modules.insert(module.clone());
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("src/{file}: {e}"));
        for (target, line) in crate_references(&code_only(&source)) {
            if target == module {
                continue;
            }
            match layer_of(&target) {
                None => problems.push(format!(
                    "src/{file}:{line}: `crate::{target}` names a module with no layer"
                )),
                Some(to) if to > from => {
                    if !ALLOWED_UPWARD.contains(&(file.as_str(), target.as_str())) {
                        problems.push(format!(
                            "src/{file}:{line}: `{module}` uses `crate::{target}`, a layer above \
                             it (see ARCHITECTURE.md, Layers)"
                        ));
                    }
                    upward.insert((file.clone(), target));
                }
                Some(_) => {}
            }
        }
    }
    for &(file, target) in ALLOWED_UPWARD {
        match (
            layer_of(file.split(['/', '.']).next().unwrap_or("")),
            layer_of(target),
        ) {
            (Some(from), Some(to)) if to > from => {}
            _ => problems.push(format!(
                "ALLOWED_UPWARD lists src/{file} → {target}, which is not an upward edge"
            )),
        }
        if !upward.contains(&(file.to_string(), target.to_string())) {
            problems.push(format!(
                "src/{file} no longer uses `crate::{target}`: remove its entry from ALLOWED_UPWARD \
                 in src/layers_check.rs (and from ARCHITECTURE.md)"
            ));
        }
    }
    for module in LAYERS.iter().flat_map(|layer| layer.iter()) {
        if !modules.contains(*module) {
            problems.push(format!(
                "LAYERS lists `{module}`, which src/ does not have: remove it there and in \
                 ARCHITECTURE.md"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_layer_check_reads_paths_not_comments_or_strings() {
    let code = "use crate::{model::Span, text, self};\n\
                // crate::tui in a comment\n\
                /* crate::cli /* nested */ crate::kept */\n\
                let a = \"crate::export \\\" crate::brief\";\n\
                let b = r#\"crate::config \"# ;\n\
                let c = '\"'; let d = crate::corpus::scan(x);\n\
                fn f<'a>(x: &'a str) -> bool { $crate::phase::on() || my_crate::memory::on() }\n\
                pub(in crate::cache) fn g() -> crate::extract::Timex {}\n";
    let found = crate_references(&code_only(code));
    let names: Vec<(&str, usize)> = found.iter().map(|(m, &l)| (m.as_str(), l)).collect();
    assert_eq!(
        names,
        [
            ("cache", 8),
            ("corpus", 6),
            ("extract", 8),
            ("model", 1),
            ("text", 1)
        ]
    );
}
