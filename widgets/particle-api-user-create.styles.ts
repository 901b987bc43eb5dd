import { css } from 'lit';

/** `<particle-api-user-create>`: the form box is wider than a login form (the scope picker). */
export default css`
  .box {
    max-width: 56rem;
  }

  .label {
    font-weight: 600;
  }

  particle-api-user-token {
    margin-top: 1rem;
    max-width: 56rem;
  }
`;
