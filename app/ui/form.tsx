import { useId } from 'react';
import { useT } from '~/i18n/use-t.ts';
import { useNavigation } from 'react-router';
import type { FieldErrors } from '~/lib/forms.ts';

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal' | 'url' | 'search';
  multiline?: boolean;
  lang?: string;
  maxLength?: number;
  rows?: number;
};

/** A labelled input whose error (a translation key) is announced and tied to it. */
export function Field({
  name,
  label,
  type = 'text',
  defaultValue,
  errors,
  hint,
  required,
  autoComplete,
  inputMode,
  multiline,
  lang,
  maxLength,
  rows,
}: FieldProps) {
  const { t } = useT();
  const id = useId();
  const error = errors?.[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    lang,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} rows={rows ?? 4} /> : <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} />}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level error, if any (e.g. wrong password, too many attempts). */
export function FormError({ errors, params }: { errors?: FieldErrors; params?: Record<string, unknown> }) {
  const { t } = useT();
  const error = errors?._form;
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {t(error, params ?? {})}
    </p>
  );
}

export function SubmitButton({ children, name, value, className }: { children: React.ReactNode; name?: string; value?: string; className?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <button type="submit" className={className ?? 'button'} name={name} value={value} aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
