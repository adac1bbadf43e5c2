/** The server's password rule: 8 characters from 3 of lower case, upper case, digits, symbols. */
export function passwordStrongEnough(password: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return password.length >= 8 && classes >= 3;
}
