// OBS-7: 两听两看 drafts. One row per observer; each save bumps the revision; a stale revision is a CONFLICT.
import { DomainError, type TNote, type TSaveNotesRequest } from '@tingkan/shared';
import type * as z from 'zod';
import type { ZSaveNotesRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';

type Draft = z.infer<typeof ZSaveNotesRequest>;

interface NoteRow {
  author_id: string;
  author_name: string | null;
  topic_content: string;
  speech_quality: string;
  conduct: string;
  satisfaction: string;
  facts: Record<string, string>;
  revision: number;
  updated_at: Date | string;
}

const NOTE_SELECT = `
  select n.author_id, p.name as author_name, n.topic_content, n.speech_quality, n.conduct, n.satisfaction,
         n.facts, n.revision, n.updated_at
    from observation_notes n left join people p on p.id = n.author_id`;

function toNote(r: NoteRow): TNote {
  const f = r.facts ?? {};
  return {
    authorId: r.author_id, authorName: r.author_name ?? '观察员',
    topicContent: r.topic_content, speechQuality: r.speech_quality, conduct: r.conduct, satisfaction: r.satisfaction,
    facts: { topic: f.topic ?? '', attendees: f.attendees ?? '', format: f.format ?? '', discussion: f.discussion ?? '' },
    revision: r.revision, updatedAt: instant(r.updated_at),
  };
}

/** The notes the caller may read (RLS: the group and office; the observed branch only after feedback). */
export async function listNotes(tx: Queryable, observationId: string): Promise<TNote[]> {
  const { rows } = await tx.query<NoteRow>(`${NOTE_SELECT} where n.observation_id = $1 order by p.name, n.author_id`, [observationId]);
  return rows.map(toNote);
}

/** Saves the caller's draft. With `revision`, only over that revision (optimistic concurrency). */
export async function saveNote(tx: Queryable, observationId: string, authorId: string, d: Draft | TSaveNotesRequest): Promise<TNote> {
  const values = [observationId, authorId, d.topicContent ?? '', d.speechQuality ?? '', d.conduct ?? '', d.satisfaction ?? '', JSON.stringify(d.facts ?? {})];
  const updated = await tx.query<{ author_id: string }>(
    `update observation_notes set topic_content = $3, speech_quality = $4, conduct = $5, satisfaction = $6,
            facts = $7::text::jsonb, revision = revision + 1, updated_at = now()
      where observation_id = $1 and author_id = $2 and ($8::int is null or revision = $8) returning author_id`,
    [...values, d.revision ?? null],
  );
  if (updated.rows.length === 0) {
    // Either someone saved in between (stale revision) or this is the first save.
    const inserted = await tx.query<{ author_id: string }>(
      `insert into observation_notes (observation_id, author_id, topic_content, speech_quality, conduct, satisfaction, facts)
       select $1, $2, $3, $4, $5, $6, $7::text::jsonb
        where not exists (select 1 from observation_notes where observation_id = $1 and author_id = $2)
       on conflict do nothing returning author_id`,
      values,
    );
    if (inserted.rows.length === 0) throw new DomainError('CONFLICT', '笔记已在别处更新，请刷新后再保存');
  }
  const { rows } = await tx.query<NoteRow>(`${NOTE_SELECT} where n.observation_id = $1 and n.author_id = $2`, [observationId, authorId]);
  return toNote(rows[0]!);
}
