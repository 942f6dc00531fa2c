-- Audit log (who changed what and when) for the office's own tables: plans, candidates, draws, exemptions.
select app.attach_audit('public.yearly_plans');
select app.attach_audit('public.observation_candidates');
select app.attach_audit('public.sample_draws');
select app.attach_audit('public.compliance_exemptions');
