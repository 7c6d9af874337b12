/**
 * The figure components every KB article can use without importing them; the article route
 * passes this map to `<Content components={...} />`. Whole tables the commercial pages already
 * have are those same components, so a table exists once.
 */
import EscalationMatrix from '../../commercial/EscalationMatrix.astro';
import PlanTable from '../../commercial/PricingTable.astro';
import SeverityTable from '../../commercial/SeverityTable.astro';
import AlertThreshold from './AlertThreshold.astro';
import Availability from './Availability.astro';
import ContactChannels from './ContactChannels.astro';
import CreditCap from './CreditCap.astro';
import CreditClaimWindow from './CreditClaimWindow.astro';
import CreditTable from './CreditTable.astro';
import EscalationTrigger from './EscalationTrigger.astro';
import OverageRate from './OverageRate.astro';
import Price from './Price.astro';
import Quota from './Quota.astro';
import SlaTable from './SlaTable.astro';
import SlaTarget from './SlaTarget.astro';
import UpdateInterval from './UpdateInterval.astro';

export const figures = {
  AlertThreshold,
  Availability,
  ContactChannels,
  CreditCap,
  CreditClaimWindow,
  CreditTable,
  EscalationMatrix,
  EscalationTrigger,
  OverageRate,
  PlanTable,
  Price,
  Quota,
  SeverityTable,
  SlaTable,
  SlaTarget,
  UpdateInterval,
};
