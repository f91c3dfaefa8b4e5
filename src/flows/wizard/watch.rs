//! The wizard's folder watch: each person gets a folder, and the wizard
//! reacts when a new screenshot lands in it, in the system's screenshot
//! folder or on the clipboard (or when the user types or drags in a path
//! instead).

use super::clipboard::{Clipboard, ClipboardWatch};
use crate::secret::SecretBytes;

use std::{
    collections::{HashMap, HashSet},
    fs,
    path::{Path, PathBuf},
    time::{Duration, Instant, SystemTime},
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

/// Every file a person may have saved into `folder`: pictures, and also
/// files of other kinds (a phone's HEIC photo, a PDF), so that a file that
/// gives no key gets a word instead of an endless wait. Hidden files (the
/// wizard's own list of pictures read, a system's `.DS_Store`) are left out.
fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// What the watch compares to notice a picture being (re)written: its size
/// and modification time.
type Signature = (u64, Option<SystemTime>);

fn signature(path: &Path) -> Option<Signature> {
    fs::metadata(path)
        .ok()
        .map(|meta| (meta.len(), meta.modified().ok()))
}

/// How long a picture that does not read must stay unchanged before the
/// person is told: a slow disk or a synced folder may write it in parts
/// seconds apart.
pub(super) const SETTLE: Duration = Duration::from_secs(4);

/// Watches `folder` for a picture that is new or was written again, once it
/// has stopped changing (a snipping tool may still be writing it). A
/// picture that did not read may be incomplete: it is handed out again
/// when it changes, or once more when it has been still for the settle
/// time, and only then is its error worth showing.
pub(super) struct Watch {
    folder: PathBuf,
    settle: Duration,
    /// Each picture's signature when last looked at, and since when.
    last: HashMap<PathBuf, (Signature, Instant)>,
    /// The signature each picture had when it was handed out.
    handed: HashMap<PathBuf, Signature>,
    /// Pictures handed out that did not read, waiting to change or settle.
    incomplete: HashSet<PathBuf>,
}

impl Watch {
    pub(super) fn new(folder: &Path, settle: Duration) -> Watch {
        let now = Instant::now();
        let mut last = HashMap::new();
        let mut handed = HashMap::new();
        // What is there already is not new; it is read only if it changes.
        for path in files_in(folder) {
            if let Some(sig) = signature(&path) {
                last.insert(path.clone(), (sig, now));
                handed.insert(path, sig);
            }
        }
        Watch {
            folder: folder.to_path_buf(),
            settle,
            last,
            handed,
            incomplete: HashSet::new(),
        }
    }

    /// A picture to read now, if any.
    pub(super) fn check(&mut self) -> Option<PathBuf> {
        let now = Instant::now();
        for path in files_in(&self.folder) {
            let Some(sig) = signature(&path) else {
                continue;
            };
            let since = match self.last.get(&path) {
                Some((previous, since)) if *previous == sig => *since,
                _ => {
                    // New or changed: wait until it looks the same twice.
                    self.last.insert(path.clone(), (sig, now));
                    continue;
                }
            };
            let changed = self.handed.get(&path) != Some(&sig);
            let settled = self.incomplete.contains(&path) && now - since >= self.settle;
            if sig.0 > 0 && (changed || settled) {
                self.handed.insert(path.clone(), sig);
                self.incomplete.remove(&path);
                return Some(path);
            }
        }
        None
    }

    /// `path` was handed out but did not read. `true` when it has been
    /// still for the settle time, so the reason should be shown; `false`
    /// when it may still be being written, and the watch waits for it.
    pub(super) fn did_not_read(&mut self, path: &Path) -> bool {
        let still_since = self
            .last
            .get(path)
            .filter(|(sig, _)| Some(*sig) == signature(path))
            .map(|(_, since)| *since);
        match still_since {
            Some(since) if since.elapsed() >= self.settle => true,
            _ => {
                self.incomplete.insert(path.to_path_buf());
                false
            }
        }
    }

    /// Whether `path` is one of the watched folder's pictures.
    pub(super) fn watches(&self, path: &Path) -> bool {
        path.parent() == Some(self.folder.as_path())
    }
}

/// Where a picture came from, as the `from` selector of `wizard-read-qr`
/// says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// The person's folder the wizard made.
    Folder,
    /// The system's screenshot folder.
    Screenshots,
    /// The clipboard.
    Clipboard,
    /// A typed or dragged-in path, or `--image`.
    Path,
}

impl Origin {
    /// The Fluent selector value.
    pub(super) fn selector(self) -> &'static str {
        match self {
            Origin::Folder => "folder",
            Origin::Screenshots => "screenshots",
            Origin::Clipboard => "clipboard",
            Origin::Path => "path",
        }
    }
}

/// A picture to read.
pub(super) enum Found {
    /// A file, and where it was found.
    File(PathBuf, Origin),
    /// A picture from the clipboard, as PNG bytes.
    Clipboard(SecretBytes),
}

/// Every place a new screenshot may arrive while the wizard waits: the
/// person's folder and the wizard's own folder around it (where README
/// tells people to save), the system's screenshot folders, the clipboard.
pub(super) struct Sources<'a> {
    folders: Vec<(Watch, Origin)>,
    clipboard: Option<ClipboardWatch<'a>>,
}

impl<'a> Sources<'a> {
    /// Starts watching; nothing already there counts as new. Each of
    /// `screenshots` is watched even if it does not exist yet: Windows
    /// makes `Pictures\Screenshots` with the first screenshot, and every
    /// picture in a folder that appears is new.
    pub(super) fn new(
        own: &[&Path],
        screenshots: &[PathBuf],
        settle: Duration,
        clipboard: Option<&'a mut dyn Clipboard>,
    ) -> Self {
        let mut folders: Vec<(Watch, Origin)> = Vec::new();
        let named = own.iter().map(|dir| (*dir, Origin::Folder)).chain(
            screenshots
                .iter()
                .map(|dir| (dir.as_path(), Origin::Screenshots)),
        );
        for (dir, origin) in named {
            if !folders.iter().any(|(watch, _)| watch.folder == dir) {
                folders.push((Watch::new(dir, settle), origin));
            }
        }
        Sources {
            folders,
            clipboard: clipboard.map(ClipboardWatch::new),
        }
    }

    /// A picture to read now, if any.
    pub(super) fn check(&mut self) -> Option<Found> {
        for (watch, origin) in &mut self.folders {
            if let Some(path) = watch.check() {
                return Some(Found::File(path, *origin));
            }
        }
        self.clipboard
            .as_mut()
            .and_then(ClipboardWatch::check)
            .map(Found::Clipboard)
    }

    /// The watch of the folder `path` is in, if it is watched.
    pub(super) fn watch_of(&mut self, path: &Path) -> Option<&mut Watch> {
        self.folders
            .iter_mut()
            .map(|(watch, _)| watch)
            .find(|watch| watch.watches(path))
    }
}
