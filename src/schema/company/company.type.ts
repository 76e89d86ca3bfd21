import { Field, ObjectType } from 'type-graphql';
import type { Capability, ProviderName } from '../../domain/model';
import { CapabilityEnum, ProviderEnum } from '../common/enums';
import { connectionType } from '../common/connection.type';
import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A company (dossier) held by one accounting provider.' })
export class Company extends Node {
  @Field(() => ProviderEnum, { description: 'The provider the company lives in.' })
  provider!: ProviderName;

  @Field({ description: "The company's native id at its provider." })
  providerId!: string;

  @Field({ description: 'Legal or trading name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'SIREN (9 digits) when the provider knows it.' })
  siren!: string | null;

  @Field(() => [CapabilityEnum], { description: "What this company's provider can do through Grand Livre." })
  capabilities!: Capability[];
}

export const CompanyConnection = connectionType('Company', Company, 'companies', { nullableNode: true });
