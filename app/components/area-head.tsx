import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * The top of an owner or organiser page: a link back up, the title with
 * whatever sits under it, and the confirmation of the last action, if any.
 */
export function AreaHead({
  back,
  title,
  children,
  notice,
}: {
  back: { to: string; label: string };
  title: ReactNode;
  children?: ReactNode;
  notice?: ReactNode;
}) {
  return (
    <>
      <p className="breadcrumb">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <header className="page-head">
        <h1>{title}</h1>
        {children}
      </header>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
    </>
  );
}
