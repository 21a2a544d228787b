import type { ReactNode } from "react";

/** A narrow page for forms: title, optional intro, content. */
export function FormPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6">{children}</div>
    </div>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </div>
  );
}
