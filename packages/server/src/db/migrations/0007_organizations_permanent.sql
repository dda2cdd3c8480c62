-- Clinical tables no longer reference organizations by foreign key (0006); organisations must
-- therefore never disappear under them: the application role may not delete one.
REVOKE DELETE ON organizations FROM osteopad_app;
