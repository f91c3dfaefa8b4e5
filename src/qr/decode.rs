//! A picture file decoded to grey levels within limits: its format told by
//! its magic bytes and header before any pixel is decoded (so a
//! decompression bomb, a 1 000 000 × 40 strip or a HEIC photo is refused at
//! once), a cut-short file told from a damaged one, and every allocation a
//! decoder makes bounded by [`image::Limits`]. Pure: bytes in, pixels or a
//! [`QrReadError`] out. Searching the pixels for QR codes is
//! [`super::read`]'s job.

use std::io::{Cursor, ErrorKind};

use image::{DynamicImage, GrayImage, ImageError, ImageFormat, ImageReader, Limits};

/// Why no QR text could be read from a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrReadError {
    /// The file has no bytes at all.
    Empty,
    /// The file starts like an image but ends early.
    Truncated,
    /// The bytes are not an image of any kind we recognise.
    NotAnImage,
    /// A real image format that is not supported (e.g. HEIC, AVIF, SVG).
    Unsupported {
        /// The format's common name.
        format: String,
    },
    /// The header claims more pixels, or a longer side, than we are willing
    /// to decode ([`MAX_PIXELS`], [`MAX_SIDE`]).
    TooLarge {
        /// Claimed width in pixels.
        width: u32,
        /// Claimed height in pixels.
        height: u32,
    },
    /// The file is larger than any picture we read ([`MAX_FILE_BYTES`]).
    FileTooLarge,
    /// The header says the picture has no pixels: a width or height of 0.
    NoPixels {
        /// Claimed width in pixels.
        width: u32,
        /// Claimed height in pixels.
        height: u32,
    },
    /// The image data is damaged in the middle.
    Corrupt,
    /// The image decoded, but no QR code was found in it.
    NoQrCode,
}

/// The widest or tallest picture we decode, in pixels: twice the width of
/// an 8K screen (7680), and a phone's scrolling screenshot of a few screens.
/// Without it a long thin picture within [`MAX_PIXELS`] (100 000 × 400)
/// would make views and detectors walk rows as long as the whole picture.
pub const MAX_SIDE: u32 = 16_384;

/// The largest picture we decode, in pixels (an 8K screenshot is 33 Mpx).
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most memory any one decoder may ask for: [`MAX_PIXELS`] as 8-bit
/// RGBA, with room for a decoder's working rows.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 4 + (32 << 20);

/// The largest file read as a picture: an uncompressed 8K screenshot
/// (7680 × 4320 × 4 bytes, 133 MB) fits; a compressed one is a tenth of it.
pub const MAX_FILE_BYTES: u64 = 160 << 20;

// Every picture under MAX_PIXELS must fit the allocation limit as RGBA.
const _: () = assert!(MAX_ALLOC >= MAX_PIXELS * 4);
// The largest square and the largest screen fit within the side limit.
const _: () = assert!((MAX_SIDE as u64) * (MAX_SIDE as u64) >= MAX_PIXELS);
const _: () = assert!(MAX_SIDE >= 7680);

/// True when a picture of `width` × `height` is within [`MAX_SIDE`] and
/// [`MAX_PIXELS`].
pub fn within_limits(width: u32, height: u32) -> bool {
    width <= MAX_SIDE && height <= MAX_SIDE && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

/// Decodes `bytes` to grey levels, refusing what is not a supported picture
/// before decoding any pixel.
pub fn decode_luma(bytes: &[u8]) -> Result<GrayImage, QrReadError> {
    if bytes.is_empty() {
        return Err(QrReadError::Empty);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(QrReadError::FileTooLarge);
    }
    let format = match image::guess_format(bytes) {
        Ok(format) if format.reading_enabled() => format,
        Ok(format) => return Err(unsupported(format_name(format))),
        Err(_) => return Err(sniff_other(bytes)),
    };
    // The header alone first: a small file claiming a huge size is refused
    // before any decoder allocates for it.
    // A PNG or JPEG that stops before its end marker is refused as truncated
    // even when the decoder would fill the missing rows with grey.
    let truncated = match format {
        ImageFormat::Png => png_is_truncated(bytes),
        ImageFormat::Jpeg => jpeg_is_truncated(bytes),
        _ => false,
    };
    // Some decoders refuse a side of 0 as damage, or as a variant they do
    // not support; it is neither, and says so.
    if let Some((width, height)) = sides_claimed(format, bytes)
        && (width == 0 || height == 0)
    {
        return Err(QrReadError::NoPixels { width, height });
    }
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| {
            if truncated {
                QrReadError::Truncated
            } else {
                classify(e)
            }
        })?;
    if !within_limits(width, height) {
        return Err(QrReadError::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(QrReadError::NoPixels { width, height });
    }
    if truncated {
        return Err(QrReadError::Truncated);
    }
    // Limits as well, so no decoder can allocate without bound whatever
    // the header said (a 16-bit picture, a GIF frame larger than its screen).
    let mut limits = Limits::default();
    limits.max_image_width = Some(width.max(1));
    limits.max_image_height = Some(height.max(1));
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let too_large = |e| match e {
        ImageError::Limits(_) => QrReadError::TooLarge { width, height },
        e => classify(e),
    };
    // image is well fuzzed, but a panic in a decoder must still become an
    // error, not a crash (the binary never panics on user input).
    let decoded = std::panic::catch_unwind(|| {
        let decoder = reader.into_decoder()?;
        DynamicImage::from_decoder(decoder)
    });
    let luma = match decoded {
        Ok(image) => image.map_err(too_large)?.into_luma8(),
        Err(_) => return Err(QrReadError::Corrupt),
    };
    // The header and the decoder could disagree (a GIF's screen and its
    // frames); what the views get is what counts.
    match luma.dimensions() {
        (0, _) | (_, 0) => Err(QrReadError::NoPixels {
            width: luma.width(),
            height: luma.height(),
        }),
        _ => Ok(luma),
    }
}

fn unsupported(format: &str) -> QrReadError {
    QrReadError::Unsupported {
        format: format.to_string(),
    }
}

/// The common name of a format `image` knows but we do not decode.
fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Avif => "AVIF",
        ImageFormat::Ico => "ICO",
        ImageFormat::Pnm => "PNM",
        ImageFormat::Tga => "TGA",
        ImageFormat::Dds => "DDS",
        ImageFormat::Hdr => "HDR",
        ImageFormat::OpenExr => "OpenEXR",
        ImageFormat::Farbfeld => "Farbfeld",
        ImageFormat::Qoi => "QOI",
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Gif => "GIF",
        ImageFormat::WebP => "WebP",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Bmp => "BMP",
        _ => "?",
    }
}

/// Signatures of the formats we decode, to call a cut-short header truncated.
const SIGNATURES: &[&[u8]] = &[
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF89a",
    b"GIF87a",
    b"II*\0",
    b"MM\0*",
];

/// Names the picture formats `image` does not recognise at all.
fn sniff_other(bytes: &[u8]) -> QrReadError {
    // ISO base media files (HEIF family): `ftyp` then the major brand.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brands = &bytes[8..bytes.len().min(64)];
        let has = |brand: &[u8]| brands.windows(4).any(|w| w == brand);
        if has(b"avif") || has(b"avis") {
            return unsupported("AVIF");
        }
        if has(b"heic")
            || has(b"heix")
            || has(b"hevc")
            || has(b"heif")
            || has(b"mif1")
            || has(b"msf1")
        {
            return unsupported("HEIC");
        }
    }
    if bytes.starts_with(b"%PDF") {
        return unsupported("PDF");
    }
    if bytes.starts_with(b"\xff\x0a") || bytes.starts_with(b"\0\0\0\x0cJXL \r\n\x87\n") {
        return unsupported("JPEG XL");
    }
    if bytes.starts_with(b"8BPS") {
        return unsupported("PSD");
    }
    if bytes.starts_with(b"%!PS") {
        return unsupported("PostScript");
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && text.contains("<svg")
    {
        return unsupported("SVG");
    }
    if bytes.len() < 12
        && SIGNATURES
            .iter()
            .any(|sig| sig.starts_with(bytes) || bytes.starts_with(sig))
    {
        return QrReadError::Truncated;
    }
    if bytes.starts_with(b"RIFF") && bytes.len() < 12 {
        return QrReadError::Truncated;
    }
    QrReadError::NotAnImage
}

/// Maps a decoder's error: running out of bytes is truncation (image 0.25
/// reports it as an `UnexpectedEof` I/O error, directly or as the source of
/// a decoding error); anything else the decoder rejects is corruption.
fn classify(error: ImageError) -> QrReadError {
    match &error {
        ImageError::IoError(e) if e.kind() == ErrorKind::UnexpectedEof => QrReadError::Truncated,
        ImageError::Unsupported(e) => match e.format_hint() {
            image::error::ImageFormatHint::Exact(format) => unsupported(format_name(format)),
            _ => QrReadError::Corrupt,
        },
        ImageError::Limits(_) => QrReadError::Corrupt,
        _ => {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
            while let Some(e) = source {
                if let Some(io) = e.downcast_ref::<std::io::Error>()
                    && io.kind() == ErrorKind::UnexpectedEof
                {
                    return QrReadError::Truncated;
                }
                // The gif crate has its own `UnexpectedEof` variant, shown
                // as "Unexpected End of File"; it is not a dependency of
                // ours to downcast to, so it is recognised by its text.
                if e.to_string().eq_ignore_ascii_case("unexpected end of file") {
                    return QrReadError::Truncated;
                }
                source = e.source();
            }
            QrReadError::Corrupt
        }
    }
}

/// The sides the header of a PNG (IHDR), BMP (the DIB header), JPEG (the
/// first frame header) or TIFF (the first directory) claims, read from the
/// bytes without a decoder; `None` for other formats or a header cut short.
fn sides_claimed(format: ImageFormat, bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u32::from(u16::from_be_bytes([b[0], b[1]])))
    };
    let le16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let be32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let le32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    match format {
        // Signature (8), IHDR length (4) and type (4), then width and height.
        ImageFormat::Png => Some((be32(16)?, be32(20)?)),
        // After the 14-byte file header: the DIB header's size, then the
        // sides: 16-bit in the old OS/2 header, signed 32-bit (a negative
        // height is top-down) in every later one.
        ImageFormat::Bmp => match le32(14)? {
            12 => Some((le16(18)?, le16(20)?)),
            _ => Some((
                (le32(18)? as i32).unsigned_abs(),
                (le32(22)? as i32).unsigned_abs(),
            )),
        },
        ImageFormat::Jpeg => {
            // Marker segments (ITU T.81 §B.1) up to the first frame header
            // (SOF0–SOF15 but DHT, JPG and DAC): precision (1), height, width.
            let mut at = 2usize;
            loop {
                while bytes.get(at).is_some_and(|&b| b != 0xff) {
                    at += 1;
                }
                while bytes.get(at) == Some(&0xff) {
                    at += 1;
                }
                let marker = *bytes.get(at)?;
                at += 1;
                match marker {
                    0xc0..=0xcf if ![0xc4, 0xc8, 0xcc].contains(&marker) => {
                        return Some((be16(at + 5)?, be16(at + 3)?));
                    }
                    0xd9 | 0xda => return None,
                    0x01 | 0xd0..=0xd8 => continue,
                    _ => at += usize::try_from(be16(at)?).ok()?,
                }
            }
        }
        ImageFormat::Tiff => {
            type Field<'a> = &'a dyn Fn(usize) -> Option<u32>;
            let (u16_at, u32_at): (Field, Field) = match bytes.get(..2)? {
                b"II" => (&le16, &le32),
                b"MM" => (&be16, &be32),
                _ => return None,
            };
            let directory = usize::try_from(u32_at(4)?).ok()?;
            let (mut width, mut height) = (None, None);
            // Entries of 12 bytes: tag (2), type (2), count (4), value (4);
            // a SHORT value sits in the value's first two bytes.
            for entry in 0..u16_at(directory)? as usize {
                let at = directory + 2 + 12 * entry;
                let value = match u16_at(at + 2)? {
                    3 => u16_at(at + 8)?,
                    _ => u32_at(at + 8)?,
                };
                match u16_at(at)? {
                    256 => width = Some(value),
                    257 => height = Some(value),
                    _ => {}
                }
            }
            Some((width?, height?))
        }
        _ => None,
    }
}

/// True when a PNG's chunk list (PNG spec §5.3: length, type, data, CRC)
/// runs past the end of the file before `IEND`.
fn png_is_truncated(bytes: &[u8]) -> bool {
    let mut at = 8usize;
    loop {
        let Some(head) = bytes.get(at..at + 8) else {
            return true;
        };
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        if &head[4..8] == b"IEND" {
            return false;
        }
        at = match at.checked_add(12 + length) {
            Some(next) if next <= bytes.len() => next,
            _ => return true,
        };
    }
}

/// True when a JPEG's marker segments (ITU T.81 §B.1) end before the EOI
/// marker. Segments are skipped by their lengths, so a thumbnail's own EOI
/// inside the EXIF segment does not count.
fn jpeg_is_truncated(bytes: &[u8]) -> bool {
    let mut at = 2usize;
    loop {
        while bytes.get(at).is_some_and(|&b| b != 0xff) {
            at += 1;
        }
        while bytes.get(at) == Some(&0xff) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return true;
        };
        at += 1;
        match marker {
            0xd9 => return false,
            0x01 | 0xd0..=0xd7 => continue,
            _ => {}
        }
        let Some(length) = bytes.get(at..at + 2) else {
            return true;
        };
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length < 2 {
            // Damaged rather than short: let the decoder say so.
            return false;
        }
        at += length;
        if at > bytes.len() {
            return true;
        }
        if marker == 0xda {
            // Entropy-coded data runs to the next marker that is neither a
            // stuffed 0xFF00 nor a restart marker.
            loop {
                match bytes.get(at..at + 2) {
                    None => return true,
                    Some([0xff, next]) if *next != 0 && !(0xd0..=0xd7).contains(next) => break,
                    Some(_) => at += 1,
                }
            }
        }
    }
}
