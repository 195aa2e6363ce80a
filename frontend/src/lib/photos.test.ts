import { downscalePhoto, scaledSize } from './photos';

describe('photos from the camera', () => {
  it('are scaled to 1,600 px on their longest side, keeping their shape', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(1200, 800)).toEqual({ width: 1200, height: 800 });
  });

  it('leaves documents as they are', async () => {
    const pdf = new File(['%PDF-1.4'], 'bien-ban.pdf', { type: 'application/pdf' });
    expect(await downscalePhoto(pdf)).toBe(pdf);
  });
});
