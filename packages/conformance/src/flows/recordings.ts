/**
 * Recordings flow: upload → get → poll until processed → transcription, results, summary → list →
 * update → get → delete → get and transcription again (404).
 * @see https://docs.identitycall.ai/api-reference/recordings
 */
import type { RecordingUpdate } from '@identitycall/client';
import type { CaseContext } from '../engine/context.js';
import { situations } from '../checks/error-envelope.js';
import { sampleAudio } from '../engine/request.js';
import { example, fetchCreated, expectGone, isStateful, type Flow } from './flow.js';

/** The audio the flows upload, as the client takes it. */
export function sampleFile(): { file: Blob; filename: string } {
  const audio = sampleAudio();
  return { file: new Blob([audio.bytes as BlobPart], { type: audio.type }), filename: audio.name };
}

/** Polls Get Recording until the recording is no longer pending or processing (or the poll timeout). */
export async function pollProcessed(ctx: CaseContext, ref: string | number): Promise<{ status: string; statuses: string[] }> {
  const deadline = Date.now() + ctx.session.options.pollTimeoutMs;
  const statuses: string[] = [];
  let wait = 20;
  for (;;) {
    const recording = await ctx.ok((c) => c.recordings.get(ref));
    statuses.push(recording.status);
    if ((recording.status !== 'pending' && recording.status !== 'processing') || Date.now() + wait > deadline || !ctx.live) {
      return { status: recording.status, statuses };
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 2_000);
  }
}

/** The recordings flows. */
export const recordingFlows: Flow[] = [
  {
    name: 'recordings: upload → get → poll → transcription → results → summary → list → update → get → delete → get (404)',
    covers: [
      'uploadRecording',
      'getRecording',
      'getRecordingTranscription',
      'getRecordingResults',
      'getRecordingSummary',
      'listRecordings',
      'updateRecording',
      'deleteRecording',
    ],
    needs: ['project'],
    async run(ctx) {
      const externalId = `conformance-${ctx.session.runId}-flow`;
      const created = await ctx.ok((c) =>
        c.recordings.upload({ ...sampleFile(), project_id: ctx.fixture('project') as number, external_id: externalId, language: 'en' }),
      );
      const ref = created.public_id ?? created.id;
      if (ref === undefined) return void ctx.check('response_schema_conformance', false, 'the upload answered no id');
      const fetched = await fetchCreated(ctx, 'the recording', (c) => c.recordings.get(ref));
      if (isStateful(ctx))
        ctx.same('ensure_resource_availability', 'the uploaded recording, fetched (id)', fetched.public_id ?? fetched.id, ref);

      const { status } = isStateful(ctx) ? await pollProcessed(ctx, ref) : { status: fetched.status };
      if (status === 'completed') {
        await ctx.ok((c) => c.recordings.transcription(ref));
        await ctx.ok((c) => c.recordings.results(ref));
        await ctx.ok((c) => c.recordings.summary(ref));
      } else {
        await ctx.call((c) => c.recordings.transcription(ref), {
          expect: {
            status: { allowed: [422], check: 'status_code_conformance', why: `the recording is ${status}` },
            error: situations.named(ctx.op('getRecordingTranscription'), 422, 'transcriptionNotAvailable'),
          },
        });
        await ctx.call((c) => c.recordings.results(ref), { expect: {} });
        await ctx.call((c) => c.recordings.summary(ref), { expect: {} });
      }
      const page = await ctx.ok((c) => c.recordings.list({ page: 1, per_page: 20 }), { returns: 'body' });
      ctx.check(
        'response_schema_conformance',
        page.meta.per_page === 20 && page.meta.current_page === 1,
        `listRecordings?page=1&per_page=20 answered meta ${JSON.stringify(page.meta)}`,
      );

      const update = example<RecordingUpdate>(ctx, 'updateRecording');
      const updated = await ctx.ok((c) => c.recordings.update(ref, update));
      if (isStateful(ctx)) {
        ctx.same(
          'ensure_resource_availability',
          'the renamed recording: display_name is returned as name',
          updated.name,
          update.display_name,
        );
        const again = await ctx.ok((c) => c.recordings.get(ref));
        ctx.same('ensure_resource_availability', 'the renamed recording, fetched (name)', again.name, update.display_name);
      }
      await ctx.ok((c) => c.recordings.delete(ref), { returns: 'nothing' });
      if (isStateful(ctx)) {
        await expectGone(ctx, 'getRecording', 'the recording', (c) => c.recordings.get(ref));
        await expectGone(ctx, 'getRecordingTranscription', 'the recording', (c) => c.recordings.transcription(ref));
        await expectGone(ctx, 'deleteRecording', 'the recording', (c) => c.recordings.delete(ref));
      }
    },
  },
];
