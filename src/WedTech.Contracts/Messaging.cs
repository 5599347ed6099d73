namespace WedTech.Contracts;

public enum MessageChannel { Email, Sms, WhatsApp, Push, InApp }

/// <summary>queued → sent → delivered, or failed (terminal); read applies to in-app notifications and WhatsApp.</summary>
public enum MessageStatus { Queued, Sent, Delivered, Read, Failed }

/// <summary>Which SMS gateway a studio sends through.</summary>
public enum SmsProvider { Twilio, Msg91 }
