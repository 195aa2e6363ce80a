/** The longest side of a photo sent from the device (a phone's 12 MP photo becomes ≈ 300 KB). */
export const PHOTO_MAX_SIDE = 1600;

/** The size a photo is scaled to so that its longest side is at most {@link PHOTO_MAX_SIDE}. */
export function scaledSize(width: number, height: number, maxSide = PHOTO_MAX_SIDE) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * A photo made smaller on the device before it is sent or kept: JPEG and PNG images whose longest
 * side is above {@link PHOTO_MAX_SIDE} are scaled down (JPEG re-encoded at quality 0.85, PNG kept
 * PNG); anything else, or a result that would not be smaller, is the file as it was. The server's
 * type and size limits still apply to what is sent.
 */
export async function downscalePhoto(file: File, maxSide = PHOTO_MAX_SIDE): Promise<File> {
  const type =
    file.type === 'image/png' ? 'image/png' : file.type === 'image/jpeg' ? 'image/jpeg' : null;
  if (!type || typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file); // turned as the camera says (EXIF orientation)
  } catch {
    return file; // not an image the browser can read: the server decides
  }
  const size = scaledSize(bitmap.width, bitmap.height, maxSide);
  if (size.width === bitmap.width && size.height === bitmap.height) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.85));
  if (!blob || blob.size >= file.size) return file;
  return new File([blob], file.name, { type, lastModified: file.lastModified });
}
