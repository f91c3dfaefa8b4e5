//! The clipboard as one more place a screenshot arrives: Windows' Snipping
//! Tool (Windows + Shift + S) puts the picture there before anything is
//! saved, and so can macOS and Linux tools. Only a picture that appears or
//! changes after the wizard started waiting counts, never one left there
//! from before. The system clipboard goes through `arboard` (X11, Wayland
//! through XWayland, macOS, Windows); tests put a fake in its place.

use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use zeroize::Zeroize;

use crate::secret::SecretBytes;

/// A picture on the clipboard: RGBA pixels, row by row.
pub struct ClipImage {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// 4 bytes a pixel; it shows a key, so it is a secret.
    pub rgba: SecretBytes,
}

/// Where clipboard pictures come from.
pub trait Clipboard {
    /// The picture on the clipboard now, if it holds one.
    fn image(&mut self) -> Option<ClipImage>;
    /// Empties the clipboard; the error's text when it cannot.
    fn clear(&mut self) -> Result<(), String>;
}

/// The system clipboard.
pub struct SystemClipboard(arboard::Clipboard);

impl SystemClipboard {
    /// The system clipboard, or `None` where there is none (no X server, a
    /// remote session).
    pub fn open() -> Option<Box<dyn Clipboard>> {
        arboard::Clipboard::new()
            .ok()
            .map(|c| Box::new(SystemClipboard(c)) as Box<dyn Clipboard>)
    }
}

impl Clipboard for SystemClipboard {
    fn image(&mut self) -> Option<ClipImage> {
        let image = self.0.get_image().ok()?;
        Some(ClipImage {
            width: image.width,
            height: image.height,
            rgba: SecretBytes::new(image.bytes.into_owned()),
        })
    }

    fn clear(&mut self) -> Result<(), String> {
        self.0.clear().map_err(|error| error.to_string())
    }
}

/// How often the clipboard is asked: each look may copy a whole
/// screenshot across, so not at the folder watch's pace.
const INTERVAL: Duration = Duration::from_millis(600);

/// A fingerprint of a picture, to notice a new one without keeping it.
fn fingerprint(image: &ClipImage) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update((image.width as u64).to_le_bytes());
    hash.update((image.height as u64).to_le_bytes());
    hash.update(image.rgba.expose());
    hash.finalize().into()
}

/// Watches the clipboard for a picture that was not there when the wait
/// began.
pub(super) struct ClipboardWatch<'a> {
    clipboard: &'a mut dyn Clipboard,
    /// The picture last seen (or handed out), by fingerprint.
    seen: Option<[u8; 32]>,
    last_look: Option<Instant>,
}

impl<'a> ClipboardWatch<'a> {
    /// Starts watching; what the clipboard holds now is not new.
    pub(super) fn new(clipboard: &'a mut dyn Clipboard) -> Self {
        let seen = clipboard.image().map(|image| fingerprint(&image));
        ClipboardWatch {
            clipboard,
            seen,
            last_look: None,
        }
    }

    /// A new picture as PNG bytes, if one has appeared.
    pub(super) fn check(&mut self) -> Option<SecretBytes> {
        let now = Instant::now();
        if self.last_look.is_some_and(|last| now - last < INTERVAL) {
            return None;
        }
        self.last_look = Some(now);
        let image = self.clipboard.image()?;
        let print = fingerprint(&image);
        if self.seen == Some(print) {
            return None;
        }
        self.seen = Some(print);
        png(&image)
    }
}

/// The clipboard picture as a PNG file's bytes, the form the QR reader
/// takes from any other source.
fn png(image: &ClipImage) -> Option<SecretBytes> {
    let width = u32::try_from(image.width).ok()?;
    let height = u32::try_from(image.height).ok()?;
    let pixels = image::RgbaImage::from_raw(width, height, image.rgba.expose().to_vec())?;
    let mut bytes = Vec::new();
    let written = pixels.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    );
    // The copy of the pixels shows the key too.
    pixels.into_raw().zeroize();
    let bytes = SecretBytes::new(bytes);
    written.ok().map(|()| bytes)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::{cell::RefCell, rc::Rc};

    /// A picture as the fake holds it: width, height, RGBA.
    type Pixels = (u32, u32, Vec<u8>);

    /// A clipboard that shows its pictures in turn (the last one stays),
    /// and notes when it is cleared.
    #[derive(Clone, Default)]
    pub struct Fake {
        /// What each look finds: RGBA pictures decoded from PNG bytes.
        pub images: Rc<RefCell<Vec<Option<Pixels>>>>,
        /// How many times it was cleared.
        pub cleared: Rc<RefCell<usize>>,
    }

    impl Fake {
        /// A clipboard that first holds `before`, then `after`.
        pub fn with(before: Option<&[u8]>, after: Option<&[u8]>) -> Fake {
            let decode = |png: &[u8]| {
                let image = image::load_from_memory(png).unwrap().to_rgba8();
                (image.width(), image.height(), image.into_raw())
            };
            let fake = Fake::default();
            fake.images
                .borrow_mut()
                .extend([before.map(decode), after.map(decode)]);
            fake
        }
    }

    impl Clipboard for Fake {
        fn image(&mut self) -> Option<ClipImage> {
            let mut images = self.images.borrow_mut();
            let next = if images.len() > 1 {
                images.remove(0)
            } else {
                images.first().cloned().flatten()
            };
            next.map(|(width, height, rgba)| ClipImage {
                width: width as usize,
                height: height as usize,
                rgba: SecretBytes::new(rgba),
            })
        }

        fn clear(&mut self) -> Result<(), String> {
            *self.cleared.borrow_mut() += 1;
            self.images.borrow_mut().clear();
            Ok(())
        }
    }

    #[test]
    fn only_a_picture_that_appears_after_the_wait_began_counts() {
        let red = {
            let mut bytes = Vec::new();
            image::RgbaImage::from_pixel(2, 2, image::Rgba([255, 0, 0, 255]))
                .write_to(
                    &mut std::io::Cursor::new(&mut bytes),
                    image::ImageFormat::Png,
                )
                .unwrap();
            bytes
        };
        // Already there when the wait began: never handed out.
        let mut old = Fake::with(Some(&red), Some(&red));
        let mut watch = ClipboardWatch::new(&mut old);
        assert!(watch.check().is_none());
        // Copied during the wait: handed out once, as a PNG.
        let mut new = Fake::with(None, Some(&red));
        let mut watch = ClipboardWatch::new(&mut new);
        let png = watch.check().expect("the new picture");
        assert_eq!(image::load_from_memory(png.expose()).unwrap().width(), 2);
        watch.last_look = None;
        assert!(watch.check().is_none(), "handed out twice");
    }
}
