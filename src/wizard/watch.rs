//! The wizard's folder watch: each person gets a folder, and the wizard
//! reacts when a new screenshot lands in it (or when the user types or
//! drags in a path instead).

use std::{
    collections::{HashMap, HashSet},
    fs,
    path::{Path, PathBuf},
};

/// Picture file endings the watched folder reacts to.
const PICTURE_ENDINGS: &[&str] = &["png", "jpg", "jpeg", "webp", "bmp", "gif", "tif", "tiff"];

/// The folder for a person's screenshots inside the wizard's folder.
pub fn person_folder(workspace: &Path, name: &str) -> PathBuf {
    let slug: String = name
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    workspace.join(if slug.is_empty() {
        "nevtelen".into()
    } else {
        slug
    })
}

fn is_picture(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PICTURE_ENDINGS.contains(&e.to_ascii_lowercase().as_str()))
}

pub(super) fn pictures_in(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && is_picture(p))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Watches `folder` for a picture that was not there before and has
/// stopped growing (a snipping tool may still be writing it).
pub(super) struct Watch {
    folder: PathBuf,
    seen: HashSet<PathBuf>,
    sizes: HashMap<PathBuf, u64>,
}

impl Watch {
    pub(super) fn new(folder: &Path) -> Watch {
        Watch {
            folder: folder.to_path_buf(),
            seen: pictures_in(folder).into_iter().collect(),
            sizes: HashMap::new(),
        }
    }

    pub(super) fn check(&mut self) -> Option<PathBuf> {
        for path in pictures_in(&self.folder) {
            if self.seen.contains(&path) {
                continue;
            }
            let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let previous = self.sizes.insert(path.clone(), size);
            if size > 0 && previous == Some(size) {
                self.seen.insert(path.clone());
                return Some(path);
            }
        }
        None
    }
}
