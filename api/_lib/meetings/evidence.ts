// D2: an evidence row for a meeting plus where to send the bytes. RLS lets hosts and office staff attach.
import { randomUUID } from 'node:crypto';
import type { TEvidenceUploadRequest, TEvidenceUploadResponse } from '@tingkan/shared';
import type { Queryable } from '../db';
import { uploadTarget } from '../storage';
import { instant } from './rows';

const EXT: Record<TEvidenceUploadRequest['contentType'], string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf',
};

export async function createEvidence(
  tx: Queryable, meetingId: string, body: TEvidenceUploadRequest, uploadedBy: string, now: Date,
): Promise<TEvidenceUploadResponse> {
  // The path is ours, never the user's file name: ASCII, unique, grouped by meeting.
  const storagePath = `meetings/${meetingId}/${randomUUID()}.${EXT[body.contentType]}`;
  // Insert first: if RLS refuses the row, no upload target is ever handed out.
  const { rows } = await tx.query<{ id: string; created_at: Date | string }>(
    `insert into evidence (meeting_id, kind, storage_path, content_type, size_bytes, uploaded_by)
     values ($1, $2, $3, $4, $5, $6) returning id, created_at`,
    [meetingId, body.kind, storagePath, body.contentType, body.sizeBytes, uploadedBy],
  );
  const row = rows[0]!;
  const target = await uploadTarget(storagePath, body.contentType, body.sizeBytes, now);
  return {
    evidence: {
      id: row.id, meetingId, kind: body.kind, contentType: body.contentType, sizeBytes: body.sizeBytes,
      storagePath, createdAt: instant(row.created_at),
    },
    upload: { ...target, expiresAt: instant(target.expiresAt) },
  };
}
