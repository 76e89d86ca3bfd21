// A direct MyUnisoft client (the baselines of parts 1 and 3): its headers, and the one activation the
// simulator, strict as the provider, requires of a new token before it answers anything else.
import { request } from 'undici';
import { demoCredentials } from './dist.mjs';

export const myUnisoftHeaders = (societyId) => ({
  authorization: `Bearer ${demoCredentials.myunisoft.demo.apiToken}`,
  'x-third-party-secret': demoCredentials.myunisoft.thirdPartySecret,
  ...(societyId ? { 'society-id': societyId } : {}),
});

export async function activateMyUnisoftToken(baseUrl) {
  const response = await request(`${baseUrl}/api/v1/key/info?mode=extended`, {
    headers: myUnisoftHeaders(null),
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`MyUnisoft token activation: ${response.statusCode}`);
}
