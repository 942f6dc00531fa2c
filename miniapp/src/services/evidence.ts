// D2: a photo as evidence of a rectification item (FB-2). The evidence row belongs to the observed
// meeting (RLS: its branch's leaders attach); the bytes go straight to the signed target the API hands
// out (Supabase Storage, or /api/uploads locally), then the item is submitted with the evidence id.
import Taro from '@tarojs/taro';
import { ZEvidenceUploadResponse, type TEvidenceUploadRequest } from './schemas';
import { api } from './api';
import { ApiError } from './api-error';
import { apiBaseUrl } from './config';
import { isWeapp } from './platform';

type PhotoType = Extract<TEvidenceUploadRequest['contentType'], `image/${string}`>;

export interface PickedPhoto {
  path: string;
  sizeBytes: number;
  contentType: PhotoType;
}

/** The type the picker reported, else read from the file name; phones hand out JPEG by default. */
export function photoTypeOf(path: string, reported?: string): PhotoType {
  const t = (reported ?? '').toLowerCase();
  if (t === 'image/png' || /\.png$/i.test(path)) return 'image/png';
  if (t === 'image/webp' || /\.webp$/i.test(path)) return 'image/webp';
  return 'image/jpeg';
}

/** One photo from the camera or the album; null when the person closes the picker. */
export async function pickPhoto(): Promise<PickedPhoto | null> {
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    const f = res.tempFiles[0] as { path: string; size: number; type?: string; originalFileObj?: { type?: string } } | undefined;
    if (!f) return null;
    return { path: f.path, sizeBytes: f.size, contentType: photoTypeOf(f.path, f.type ?? f.originalFileObj?.type) };
  } catch {
    return null;
  }
}

/** The bytes of a picked file: WeChat reads its temp file; the browser fetches the blob URL. */
function readBytes(path: string): Promise<ArrayBuffer> {
  if (!isWeapp) return fetch(path).then((r) => r.arrayBuffer());
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (r) => resolve(r.data as ArrayBuffer),
      fail: reject,
    });
  });
}

const UPLOAD_FAILED = '照片上传没有成功，请检查网络后重试';

/** Registers the photo on the observed meeting, sends its bytes, and returns the evidence id. */
export async function uploadPhoto(meetingId: string, photo: PickedPhoto): Promise<string> {
  const body: TEvidenceUploadRequest = { kind: 'photo', contentType: photo.contentType, sizeBytes: photo.sizeBytes, fileName: '整改佐证照片' };
  const { evidence, upload } = await api.post(`/api/meetings/${encodeURIComponent(meetingId)}/evidence`, ZEvidenceUploadResponse, body);
  let status = 0;
  try {
    const bytes = await readBytes(photo.path);
    const url = upload.backend === 'local' ? `${apiBaseUrl()}${upload.url}` : upload.url;
    status = (await Taro.request({ url, method: upload.method, header: upload.headers, data: bytes, dataType: 'text', responseType: 'text' })).statusCode;
  } catch {
    throw new ApiError('UPLOAD_FAILED', UPLOAD_FAILED, 0);
  }
  if (status < 200 || status >= 300) throw new ApiError('UPLOAD_FAILED', UPLOAD_FAILED, status);
  return evidence.id;
}
