/**
 * Lists every company the firm (the API key's tenant) sees, across the four providers, with its last
 * export job where the provider keeps export jobs.
 *
 *   GRAND_LIVRE_URL=http://127.0.0.1:4000/graphql GRAND_LIVRE_API_KEY=demo \
 *     node dist/examples/list-companies-with-last-export.js
 */
import { CompanyExportJobsDocument, ListCompaniesDocument, type ListCompaniesQuery } from '@grand-livre/sdk';
import { clientFromEnv, run } from './client-from-env';

type Company = NonNullable<ListCompaniesQuery['companies']['edges'][number]['node']>;

run(async () => {
  const client = clientFromEnv();
  const companies: Company[] = [];
  let after: string | null = null;
  do {
    const { companies: page }: ListCompaniesQuery = await client.request(ListCompaniesDocument, {
      first: 100,
      after,
    });
    // A null node is a company one of whose fields failed; the error is in the response's errors.
    companies.push(...page.edges.flatMap((edge) => (edge.node ? [edge.node] : [])));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);

  const lastExports = await Promise.all(
    companies.map(async (company) => {
      if (!company.capabilities.includes('EXPORT_JOBS')) return 'no export jobs at this provider';
      const { company: found } = await client.request(CompanyExportJobsDocument, {
        companyId: company.id,
        first: 1, // newest first
      });
      const job = found?.exportJobs.edges[0]?.node;
      if (!job) return 'no export yet';
      const when = job.completedAt ?? job.createdAt ?? 'unknown date';
      const items = job.numberOfItems === null ? '' : `, ${job.numberOfItems} items`;
      return `${job.format ?? 'export'} ${job.status} on ${when}${items} (${job.id})`;
    }),
  );

  console.log(`${companies.length} companies`);
  companies.forEach((company, i) => {
    const siren = company.siren ? ` SIREN ${company.siren}` : '';
    console.log(`${company.provider.padEnd(9)} ${company.name}${siren}`);
    console.log(`          last export: ${lastExports[i]}`);
  });
});
