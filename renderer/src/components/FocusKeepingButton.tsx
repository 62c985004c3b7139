import type { ButtonHTMLAttributes } from 'react';

/** A button that cannot act right now but keeps the keyboard focus: aria-disabled instead of disabled. A Save
 * button that disables itself once it has saved would otherwise drop the focus to the document under the
 * person who pressed it (the browser blurs a disabled control), and their next Tab would start elsewhere.
 * Screen readers still hear it as unavailable; clicks and key presses do nothing while it is. */
export function FocusKeepingButton({ unavailable, onClick, ...props }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'type'> & { unavailable: boolean }) {
  return <button {...props} type="button" aria-disabled={unavailable} onClick={(event) => !unavailable && onClick?.(event)} />;
}
