/** The SDK carries its own copy of the API's error codes (it depends on nothing of the gateway). */
import { ErrorCode as gatewayCodes } from '../../../src/errors';
import { ERROR_CLASSES, ErrorCode as sdkCodes } from '@grand-livre/sdk';

it('knows exactly the codes the gateway answers with, each with its error class', () => {
  expect(Object.values(sdkCodes).sort()).toEqual(Object.values(gatewayCodes).sort());
  expect(Object.keys(ERROR_CLASSES).sort()).toEqual(Object.values(gatewayCodes).sort());
});
