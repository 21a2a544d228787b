import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { Field } from "./forms";

/** What a form field needs from Conform's field metadata. */
type FieldMeta = { name: string; initialValue?: string; errors?: string[] };

/** The e-mail address of a sign-in, sign-up or forgotten-password form. */
export function EmailField({ field }: { field: FieldMeta }) {
  const t = useT();
  return (
    <Field
      label={t("auth.email")}
      name={field.name}
      type="email"
      defaultValue={field.initialValue}
      errors={field.errors}
      autoComplete="email"
      maxLength={254}
      required
    />
  );
}

/** A password input: never filled back in after a refusal. */
function PasswordField({
  field,
  ...props
}: {
  field: FieldMeta;
  label: string;
  hint?: string;
  autoComplete: "current-password" | "new-password";
  minLength?: number;
  maxLength?: number;
}) {
  return <Field {...props} name={field.name} type="password" errors={field.errors} required />;
}

type CurrentPasswordProps = { label: MessageKey; field: FieldMeta; capped?: boolean };

/**
 * The password the person has now (sign-in, changing it). `capped` sets its maxLength
 * (the account page's form leaves it out, as it does the confirmation's).
 */
export function CurrentPasswordField({ label, field, capped = true }: CurrentPasswordProps) {
  const t = useT();
  return (
    <PasswordField
      label={t(label)}
      field={field}
      autoComplete="current-password"
      maxLength={capped ? 200 : undefined}
    />
  );
}

/**
 * A new password and its confirmation. `capConfirmation` sets the confirmation's
 * maxLength (the account page's form leaves it out).
 */
export function NewPasswordFields({
  label,
  password,
  confirmPassword,
  capConfirmation = true,
}: {
  label: MessageKey;
  password: FieldMeta;
  confirmPassword: FieldMeta;
  capConfirmation?: boolean;
}) {
  const t = useT();
  return (
    <>
      <PasswordField
        label={t(label)}
        hint={t("auth.passwordHint")}
        field={password}
        autoComplete="new-password"
        minLength={10}
        maxLength={200}
      />
      <PasswordField
        label={t("auth.confirmPassword")}
        field={confirmPassword}
        autoComplete="new-password"
        maxLength={capConfirmation ? 200 : undefined}
      />
    </>
  );
}
