/** `Upload`: a file sent with the GraphQL multipart request spec; resolves to a FileUpload. */
import { GraphQLScalarType } from 'graphql';
import { BadUserInputError } from '../../errors';
import { FileUpload } from '../../server/multipart/file-upload';

export { FileUpload };

export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  description:
    'A file sent with the GraphQL multipart request spec (multipart/form-data with operations, map and file parts). Input only.',
  serialize() {
    throw new TypeError('Upload is an input-only scalar.');
  },
  parseValue(value) {
    if (value instanceof FileUpload) return value;
    throw new BadUserInputError('Upload must be a file part of a multipart/form-data request.');
  },
  parseLiteral() {
    // A plain Error: validation reports it at the literal, so the argument check names the argument.
    throw new TypeError('Upload cannot be written in the query: send it as a multipart file part.');
  },
});
