import type { Failure } from '../messaging/result.ts';
import { STORAGE_MESSAGE_KEYS } from '../messaging/storage-status.ts';
import { t } from './i18n.ts';

/**
 * What an extension page says about a failed request. A labelled storage problem is named in this
 * page's words (the background's sentence is worded for the Save control: "Not saved: …").
 */
export const failureText = (failure: Failure): string => (failure.problem ? t(STORAGE_MESSAGE_KEYS[failure.problem].title) : failure.message);
