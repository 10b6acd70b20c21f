import type {
  PublicFeedbackSubmission,
  PublicFeedbackViewDto,
  PublicRequestFormDto,
  PublicRequestReceipt,
  PublicRequestSubmission,
} from '@lianqiao/contracts';
import { http } from '../../../shared/http';

const base = (token: string) => `/api/public/requests/${encodeURIComponent(token)}`;
const feedbackBase = (token: string) => `/api/public/requests/feedback/${encodeURIComponent(token)}`;

/**
 * The enterprise's side, without login: no bearer token is sent and a 401 cannot end anybody's
 * session (a colleague may open the link in a browser where they are signed in).
 */
export const publicRequestsApi = {
  form: (token: string, signal?: AbortSignal) =>
    http.get<PublicRequestFormDto>(base(token), undefined, { signal, auth: false }),
  submit: (token: string, body: PublicRequestSubmission) =>
    http.post<PublicRequestReceipt>(base(token), body, { auth: false }),
  feedbackView: (token: string, signal?: AbortSignal) =>
    http.get<PublicFeedbackViewDto>(feedbackBase(token), undefined, { signal, auth: false }),
  sendFeedback: (token: string, body: PublicFeedbackSubmission) =>
    http.post<PublicRequestReceipt>(feedbackBase(token), body, { auth: false }),
};
