// The invitation code a person types (or the invitation link fills in), and
// whose it is: looked up as soon as the code is complete, so that they choose
// what to share knowing with whom. Used where a signed-in person accepts an
// invitation (POST /links/look-up) and where someone makes an account with
// one (POST /signup/look-up): the caller passes the look-up.
import { useEffect, useState } from 'preact/hooks';
import type { InvitationPreview } from '../types';
import { FieldError, localTime, type FieldErrors } from '../util';

/**
 * The preview of `code` once it has 12 characters (spaces and dashes aside),
 * else null; a refusal (unknown, used, expired: the server's words) goes to
 * `onRefused`, a preview clears it with ''.
 */
export function useInvitationPreview(
  code: string,
  lookUp: (code: string) => Promise<InvitationPreview>,
  onRefused: (error: unknown) => void,
): InvitationPreview | null {
  const [from, setFrom] = useState<InvitationPreview | null>(null);
  useEffect(() => {
    setFrom(null);
    if (code.replace(/[\s-]/g, '').length !== 12) return;
    let current = true;
    lookUp(code.trim()).then(
      (preview) => {
        if (!current) return;
        setFrom(preview);
        onRefused(null);
      },
      (err) => {
        if (current) onRefused(err);
      },
    );
    return () => {
      current = false;
    };
  }, [code]);
  return from;
}

/** The code's input with its hint and error (field "code"), then whose it is once known. */
export function InvitationCodeField({
  id,
  value,
  onInput,
  errors,
  hint,
  from,
  fromTestId,
}: {
  id: string;
  value: string;
  onInput: (code: string) => void;
  errors: FieldErrors;
  hint: string;
  from: InvitationPreview | null;
  fromTestId: string;
}) {
  return (
    <>
      <div class="field narrow">
        <label for={id}>Invitation code</label>
        <input
          id={id}
          name="code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
        <FieldError errors={errors} field="code" id={`${id}-error`} />
      </div>
      {from ? (
        <p class="notice" role="status" data-testid={fromTestId}>
          This code is from <strong>{from.practitioner}</strong> at <strong>{from.clinic}</strong>. It works once, until{' '}
          {localTime(from.expires)}.
        </p>
      ) : null}
    </>
  );
}
