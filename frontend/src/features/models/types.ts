import type { Schemas } from '@/lib/api/client';

export type ModelStatus = Schemas['ModelStatus'];
export type RecognitionLevel = Schemas['RecognitionLevel'];
export type LeadOrganisation = Schemas['LeadOrganisation'];
export type TargetCommunity = Schemas['TargetCommunity'];
export type MemberRole = Schemas['MemberRole'];
export type Gender = Schemas['Gender'];
