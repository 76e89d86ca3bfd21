/**
 * Document thumbnails, as Inqom's `ThumbUrl` points at them: a public blob container
 * (`/enterprisespublic/<folder>/<file>`, the seed's example) readable with no credential. The seed
 * shows them on Inqom's blob storage host; this simulator serves them itself unless told another
 * origin (`storageUrl`), a guess the docs leave open. Each is a small PNG whose colour follows the id.
 */
import type { FastifyInstance } from 'fastify';
import { crc32, deflateSync } from 'node:zlib';
import type { SimulatorDataset } from '../data/dataset';
import { THUMBNAILS_PATH } from './document-json';
import type { InqomDocumentStore } from './documents';
import { sendProblem } from './problem';

const SIZE = 8;

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8×8 RGB PNG of one colour derived from `id`: distinct bytes per document. */
export function thumbnailPng(id: number): Buffer {
  const rgb = [id % 251, (id >> 8) % 251, (id >> 16) % 251];
  const row = Buffer.from([0, ...Array.from({ length: SIZE }, () => rgb).flat()]);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: SIZE }, () => row)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Serves the thumbnails; an unknown one answers 404, as Azure Storage does for a missing blob. */
export function registerThumbnailRoutes(
  app: FastifyInstance,
  dataset: SimulatorDataset,
  documents: InqomDocumentStore,
): void {
  app.get<{ Params: { folderId: string; file: string } }>(
    `${THUMBNAILS_PATH}/:folderId/:file`,
    async (request, reply) => {
      const company = dataset.company('inqom', request.params.folderId);
      const id = /^(\d+)-thumb\.png$/.exec(request.params.file)?.[1];
      const doc = company && id ? documents.find(company, id) : undefined;
      if (!doc) return sendProblem(reply, 404, 'the specified blob does not exist');
      return reply.type('image/png').send(thumbnailPng(doc.json.Id));
    },
  );
}
