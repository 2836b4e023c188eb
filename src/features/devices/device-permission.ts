import { MFP_WRITE_ROLES } from '../../api/permissions.ts'
import { usePermission, type Permission } from '../../components/console-context.tsx'
import { useT } from '../../components/i18n.tsx'

/**
 * May the identity change device and application status or remove devices? The scope
 * decides (ADR 004); the reason also names the MobileFirst roles the server checks, since
 * that is what an administrator grants (mfpmonitor may only read).
 */
export function useDeviceChangePermission(): Permission {
  const t = useT()
  const base = usePermission('manageDevices')
  if (base.allowed) return base
  return {
    allowed: false,
    reason: t('devices.permission.reason', {
      reason: base.reason ?? t('devices.permission.notAllowed'),
      roles: MFP_WRITE_ROLES.join(', '),
    }),
  }
}
