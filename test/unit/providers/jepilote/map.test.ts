import { mapExport } from '../../../../src/providers/jepilote/map';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-bearer';
const at = '2026-12-02T10:00:00.000Z';

describe('mapExport', () => {
  it('reports a refused export in its own words, naming only the parameters Jepilote objected to', () => {
    const job = mapExport(
      '143',
      'FEC',
      {
        success: false,
        message: `Export impossible: Authorization bearer ${TOKEN}`,
        error: [`dateDebut invalide (requête: bearer ${TOKEN})`, 'format inconnu'],
        file: null,
      },
      'job-1',
      at,
    );
    expect(job).toMatchObject({
      status: 'FAILED',
      failureReason: 'Jepilote refused the export (parameters: format, dateDebut).',
      errors: ['Jepilote refused the parameter format.', 'Jepilote refused the parameter dateDebut.'],
      file: null,
    });
    expect(JSON.stringify(job)).not.toContain('secret-bearer');
  });

  it('calls an answer without a file a failure, and a complete one a completed job with no errors', () => {
    const noFile = mapExport(
      '143',
      'ACD',
      { success: true, message: 'ok', error: null, file: null },
      'job-2',
      at,
    );
    expect(noFile).toMatchObject({
      status: 'FAILED',
      failureReason: 'Jepilote answered without a downloadable file.',
    });
    const file = {
      name: 'export.zip',
      url: 'https://x/export.zip',
      api_url: 'https://x/api/get_export/abc123',
    };
    const done = mapExport(
      '143',
      'ACD',
      { success: true, message: 'export ACD effectué', error: null, file },
      'job-3',
      at,
    );
    expect(done).toMatchObject({ status: 'COMPLETED', failureReason: null, errors: [] });
    expect(done.file).toMatchObject({ name: 'export.zip', downloadRef: 'abc123' });
  });
});
