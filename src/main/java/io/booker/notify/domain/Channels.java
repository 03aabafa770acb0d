package io.booker.notify.domain;

/** The names of the channels a notification goes through, as stored with it. */
public final class Channels {

  /** Email to the guest's address. */
  public static final String EMAIL = "email";
  /** SMS (or push) to the guest's phone, through a provider's webhook. */
  public static final String SMS = "sms";

  private Channels() {
  }
}
