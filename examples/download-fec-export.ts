/**
 * Starts a FEC export of a Jepilote company (or gets the one already started today: the idempotency
 * key is the company and the date) and downloads the file.
 *
 *   GRAND_LIVRE_URL=http://127.0.0.1:4000/graphql GRAND_LIVRE_API_KEY=demo \
 *     node dist/examples/download-fec-export.js [companyId] [output directory]
 *
 * Without a company id it takes the first Jepilote company able to export FEC.
 */
import { basename, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateExportJobDocument, GetExportJobDocument, ListCompaniesDocument } from '@grand-livre/sdk';
import { clientFromEnv, run } from './client-from-env';

run(async () => {
  const client = clientFromEnv();
  const [companyArg, directory = '.'] = process.argv.slice(2);
  let companyId = companyArg;
  if (!companyId) {
    const { companies } = await client.request(ListCompaniesDocument, { provider: 'JEPILOTE', first: 100 });
    const company = companies.edges.find((edge) => edge.node?.capabilities.includes('EXPORT_FEC'))?.node;
    if (!company) throw new Error('No Jepilote company can export FEC with this API key.');
    console.log(`Company: ${company.name} (${company.id})`);
    companyId = company.id;
  }

  const today = new Date().toISOString().slice(0, 10);
  const { createExportJob: started } = await client.request(CreateExportJobDocument, {
    input: {
      companyId,
      format: 'FEC',
      includeAlreadyExported: true,
      idempotencyKey: `fec-${companyId}-${today}`,
    },
  });
  let job = started;
  // Jepilote answers at once; the loop is for providers whose jobs take a while.
  for (let polls = 0; job.status === 'PENDING' || job.status === 'IN_PROGRESS'; polls++) {
    if (polls === 60) throw new Error(`Export ${job.id} still ${job.status} after a minute.`);
    await sleep(1_000);
    const { exportJob } = await client.request(GetExportJobDocument, { id: job.id });
    if (!exportJob) throw new Error(`Export ${job.id} disappeared.`);
    job = exportJob;
  }
  console.log(
    `Export ${job.id}: ${job.status}${job.numberOfItems === null ? '' : `, ${job.numberOfItems} items`}`,
  );
  if (!job.file?.downloadUrl)
    throw new Error(`Export ${job.id} has no file (${job.errors.join('; ') || job.status}).`);

  const path = resolve(directory, basename(job.file.name)); // a name is never a path
  const saved = await client.downloadToFile(job.file.downloadUrl, path);
  console.log(`Saved ${saved.bytes} bytes to ${path}`);
});
