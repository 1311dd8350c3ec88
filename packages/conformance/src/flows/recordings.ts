/**
 * Recordings flow: upload → replay (idempotent) → get until processed → transcription, results,
 * summary → update → list → delete → get (404).
 * @see https://docs.identitycall.ai/api-reference/recordings
 */
import { NotFoundError, ValidationError } from '@identitycall/client';
import { expect } from 'vitest';
import { sampleAudio } from '../requests.js';
import { expectUnwrapped, isStateful, type Flow } from './flow.js';

/** How long a flow polls a recording for processing to finish, in ms. */
const POLL_TIMEOUT_MS = Number(process.env.IDENTITYCALL_POLL_TIMEOUT_MS ?? 120_000);

export const recordingFlows: Flow[] = [
  {
    name: 'recordings: upload → replay → get → transcription → results → summary → update → list → delete',
    covers: [
      'uploadRecording',
      'getRecording',
      'getRecordingTranscription',
      'getRecordingResults',
      'getRecordingSummary',
      'updateRecording',
      'listRecordings',
      'deleteRecording',
    ],
    async run(h) {
      const stateful = isStateful(h);
      const project = stateful ? (await h.client.projects.create({ name: 'Conformance recordings', language: 'en' })).id : 42;
      const externalId = `conformance-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const upload = { file: sampleAudio(), filename: 'call-recording.mp3', project_id: project, external_id: externalId, language: 'en' };
      const created = await h.client.recordings.upload(upload);
      expectUnwrapped(h, created);
      // Prism answers with the lowest documented 2xx (the 200 replay); a stateful server must say 201.
      expect(h.exchanges.at(-1)!.response.status).toBe(stateful ? 201 : 200);
      const id = created.public_id ?? created.id;
      expect(id).toBeDefined();

      if (stateful) {
        const replay = await h.client.recordings.upload(upload);
        expect(h.exchanges.at(-1)!.response.status).toBe(200);
        expect(replay.id).toBe(created.id);
      }

      let recording = await h.client.recordings.get(id!);
      expectUnwrapped(h, recording);
      const deadline = Date.now() + POLL_TIMEOUT_MS;
      while (stateful && (recording.status === 'pending' || recording.status === 'processing') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, h.target.kind === 'external' ? 2_000 : 10));
        recording = await h.client.recordings.get(id!);
      }

      if (recording.status === 'completed') {
        const transcription = await h.client.recordings.transcription(id!);
        expectUnwrapped(h, transcription);
        const results = await h.client.recordings.results(id!);
        expectUnwrapped(h, results);
        const summary = await h.client.recordings.summary(id!);
        expectUnwrapped(h, summary);
      } else {
        await expect(h.client.recordings.transcription(id!)).rejects.toBeInstanceOf(ValidationError);
        await h.client.recordings.results(id!).catch(() => undefined);
        await h.client.recordings.summary(id!).catch(() => undefined);
      }

      const updated = await h.client.recordings.update(id!, { display_name: 'Q1 Sales Call - Updated' });
      expectUnwrapped(h, updated);
      expect(updated.name).toBe('Q1 Sales Call - Updated');

      const page = await h.client.recordings.list({ page: 1, per_page: 20 });
      expectUnwrapped(h, page, null);
      expect(page.meta.per_page).toBe(20);
      expect(page.meta.current_page).toBe(1);

      expect(await h.client.recordings.delete(id!)).toBeUndefined();
      expect(h.exchanges.at(-1)!.response.status).toBe(204);
      if (stateful) {
        await expect(h.client.recordings.get(id!)).rejects.toBeInstanceOf(NotFoundError);
        await h.client.projects.delete(project);
      }
    },
  },
];
