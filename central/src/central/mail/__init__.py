"""The customers' e-mails: what they say (messages), the queue in the database that
keeps each one until it is sent (queue), and the SMTP sender that works through it."""
